package dev.lamplighter.bench.groups;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The thing-group hierarchy and the things of a run, as pure arithmetic on names: one root, each
 * group with {@code branching} children down to {@code levels} levels, and {@code things} things
 * spread round-robin over the leaves (the groups of the last level).
 *
 * <p>Groups are numbered per level in depth-first order: the group at index {@code k} of level
 * {@code L} has the parent at index {@code k / branching} of level {@code L - 1}, and its name is
 * the root's name followed by the digits of {@code k} in base {@code branching}, one {@code -n} per
 * level below the root ({@code bench-g-0-2-1}). So the leaves under any group have consecutive
 * indices, and the number of things under it follows from the round-robin without listing them.
 * Thing {@code i} is named with a zero-padded number ({@code bench-t-000042}), so name order (the
 * order ListThingsInThingGroup pages in) is the order of {@code i}.
 *
 * @param prefix starts every group and thing name; {@code [a-zA-Z0-9_-]+}
 * @param levels depth of the hierarchy, 1 (the root alone) to {@link #MAX_LEVELS}
 * @param branching children of each group that is not a leaf, 1 to {@link #MAX_BRANCHING}
 * @param things how many things are spread over the leaves, at least 1
 */
record GroupPlan(String prefix, int levels, int branching, int things) {
  /** The deepest hierarchy AWS IoT allows. */
  static final int MAX_LEVELS = 7;

  /** The most direct children AWS IoT allows a group. */
  static final int MAX_BRANCHING = 100;

  /** A bound that keeps a run (and the group counts) within reason. */
  static final long MAX_GROUPS = 100_000;

  private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9_-]+");

  GroupPlan {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("the name prefix must match [a-zA-Z0-9_-]+: " + prefix);
    }
    if (levels < 1 || levels > MAX_LEVELS) {
      throw new IllegalArgumentException("levels must be 1 to " + MAX_LEVELS + ", not " + levels);
    }
    if (branching < 1 || branching > MAX_BRANCHING) {
      throw new IllegalArgumentException(
          "branching must be 1 to " + MAX_BRANCHING + ", not " + branching);
    }
    if (things < 1) {
      throw new IllegalArgumentException("things must be at least 1, not " + things);
    }
    long groups = 0;
    long atLevel = 1;
    for (int level = 1; level <= levels; level++) {
      groups += atLevel;
      atLevel *= branching;
    }
    if (groups > MAX_GROUPS) {
      throw new IllegalArgumentException(
          levels
              + " levels with branching "
              + branching
              + " make "
              + groups
              + " groups; at most "
              + MAX_GROUPS);
    }
  }

  /** The root group's name. */
  String root() {
    return prefix + "-g";
  }

  /** How many groups level {@code level} (1 for the root) has. */
  int groupsAt(int level) {
    checkLevel(level);
    return Math.toIntExact(power(level - 1));
  }

  /** All groups of the hierarchy. */
  int groupCount() {
    int count = 0;
    for (int level = 1; level <= levels; level++) {
      count += groupsAt(level);
    }
    return count;
  }

  /** The groups of the last level, where the things are added. */
  int leafCount() {
    return groupsAt(levels);
  }

  /** The name of group {@code index} of level {@code level}. */
  String group(int level, int index) {
    checkIndex(level, index);
    int[] digits = new int[level - 1];
    int rest = index;
    for (int i = digits.length - 1; i >= 0; i--) {
      digits[i] = rest % branching;
      rest /= branching;
    }
    StringBuilder name = new StringBuilder(root());
    for (int digit : digits) {
      name.append('-').append(digit);
    }
    return name.toString();
  }

  /** The parent's name of group {@code index} of level {@code level}, null for the root. */
  String parent(int level, int index) {
    checkIndex(level, index);
    return level == 1 ? null : group(level - 1, index / branching);
  }

  /** The name of thing {@code i} (from 0). */
  String thing(int i) {
    checkThing(i);
    int width = Math.max(6, Integer.toString(things - 1).length());
    return String.format(Locale.ROOT, "%s-t-%0" + width + "d", prefix, i);
  }

  /** The leaf thing {@code i} is added to: the leaves in turn. */
  String leafOf(int i) {
    checkThing(i);
    return group(levels, i % leafCount());
  }

  /**
   * How many things are in group {@code index} of level {@code level} or below it: what a recursive
   * ListThingsInThingGroup from it returns.
   */
  int thingsUnder(int level, int index) {
    checkIndex(level, index);
    int leavesPerGroup = Math.toIntExact(power(levels - level));
    int first = index * leavesPerGroup;
    int end = first + leavesPerGroup;
    int leaves = leafCount();
    int fullRounds = things / leaves;
    int rest = things % leaves;
    return fullRounds * leavesPerGroup + Math.max(0, Math.min(rest, end) - first);
  }

  private long power(int exponent) {
    long value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= branching;
    }
    return value;
  }

  private void checkLevel(int level) {
    if (level < 1 || level > levels) {
      throw new IllegalArgumentException("level " + level + " of a " + levels + "-level plan");
    }
  }

  private void checkIndex(int level, int index) {
    if (index < 0 || index >= groupsAt(level)) {
      throw new IllegalArgumentException("no group " + index + " at level " + level);
    }
  }

  private void checkThing(int i) {
    if (i < 0 || i >= things) {
      throw new IllegalArgumentException("no thing " + i + " of " + things);
    }
  }
}
