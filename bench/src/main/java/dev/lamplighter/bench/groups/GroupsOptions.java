package dev.lamplighter.bench.groups;

import static dev.lamplighter.bench.CommandLines.positive;

import java.net.URI;
import java.util.OptionalLong;

/**
 * The command line of {@link GroupsBench}.
 *
 * <pre>
 * GroupsBench STEP URL PREFIX LEVELS BRANCHING THINGS
 *             [--concurrency N] [--walks N] [--level N] [--page-size N]
 *             [--label NAME] [--target-pid PID]
 * </pre>
 *
 * @param step hierarchy, members or walk
 * @param target where requests go, such as {@code http://127.0.0.1:8080}
 * @param plan the groups and things the steps create or expect
 * @param concurrency requests in flight while creating groups or loading members
 * @param walks how many times the walk step pages through the group
 * @param level the level of the group the walk step pages from (its first group)
 * @param pageSize maxResults of each ListThingsInThingGroup page
 * @param label names the step's result lines (such as bench or warm-up)
 * @param targetPid the server's process, whose CPU use is reported when given
 */
record GroupsOptions(
    Step step,
    URI target,
    GroupPlan plan,
    int concurrency,
    int walks,
    int level,
    int pageSize,
    String label,
    OptionalLong targetPid) {

  /** What one invocation does. */
  enum Step {
    /** Creates the thing groups, level by level. */
    HIERARCHY,
    /** Creates the things, then adds each to its leaf. */
    MEMBERS,
    /** Pages recursively through the things in a group, several times. */
    WALK
  }

  static final String USAGE =
      "usage: GroupsBench hierarchy|members|walk URL PREFIX LEVELS BRANCHING THINGS"
          + " [--concurrency N] [--walks N] [--level N] [--page-size N] [--label NAME]"
          + " [--target-pid PID]";

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  static GroupsOptions parse(String[] args) {
    if (args.length < 6) {
      throw new IllegalArgumentException(USAGE);
    }
    Step step =
        switch (args[0]) {
          case "hierarchy" -> Step.HIERARCHY;
          case "members" -> Step.MEMBERS;
          case "walk" -> Step.WALK;
          default -> throw new IllegalArgumentException("unknown step '" + args[0] + "'; " + USAGE);
        };
    URI target = URI.create(args[1]);
    GroupPlan plan =
        new GroupPlan(
            args[2],
            positive("LEVELS", args[3]),
            positive("BRANCHING", args[4]),
            positive("THINGS", args[5]));
    int concurrency = 8;
    int walks = 1;
    int level = 1;
    int pageSize = 250;
    String label = "bench";
    OptionalLong targetPid = OptionalLong.empty();
    for (int i = 6; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--concurrency" -> concurrency = positive("--concurrency", value);
        case "--walks" -> walks = positive("--walks", value);
        case "--level" -> level = positive("--level", value);
        case "--page-size" -> pageSize = positive("--page-size", value);
        case "--label" -> label = value;
        case "--target-pid" -> targetPid = OptionalLong.of(positive("--target-pid", value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    if (!label.matches("[a-zA-Z0-9_-]+")) {
      throw new IllegalArgumentException("--label must match [a-zA-Z0-9_-]+, not '" + label + "'");
    }
    if (level > plan.levels()) {
      throw new IllegalArgumentException(
          "--level " + level + " is below the plan's " + plan.levels() + " levels");
    }
    return new GroupsOptions(
        step, target, plan, concurrency, walks, level, pageSize, label, targetPid);
  }
}
