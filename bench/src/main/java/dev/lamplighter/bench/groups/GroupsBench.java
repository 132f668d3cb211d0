package dev.lamplighter.bench.groups;

import dev.lamplighter.bench.StandardOutput;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of the thing-group suite against a running server; prints its result lines on standard
 * output, diagnostics on standard error. Usage: {@link GroupsOptions#USAGE}.
 *
 * <ul>
 *   <li>{@code hierarchy}: creates the plan's groups, parents first ({@link HierarchyBuilder});
 *   <li>{@code members}: creates the plan's things and adds each to its leaf, both measured ({@link
 *       MembershipLoader});
 *   <li>{@code walk}: pages recursively through the first group of {@code --level}, {@code --walks}
 *       times ({@link GroupPager}).
 * </ul>
 *
 * <p>Exits 2 on a bad command line, 1 when the hierarchy cannot be built. A walk that reads the
 * wrong things is an error in its result line and the log, not an exit status, so that the report
 * still shows everything else.
 */
public final class GroupsBench {
  private static final Logger LOG = LoggerFactory.getLogger(GroupsBench.class);

  private GroupsBench() {}

  public static void main(String[] args) throws InterruptedException {
    GroupsOptions options;
    try {
      options = GroupsOptions.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      System.exit(2);
      return;
    }
    SignedClient client = new SignedClient(options.target());
    List<String> lines;
    try {
      lines =
          switch (options.step()) {
            case HIERARCHY ->
                List.of(
                    new HierarchyBuilder(client, options.plan(), options.concurrency())
                        .build(options.label()));
            case MEMBERS ->
                new MembershipLoader(
                        client, options.plan(), options.concurrency(), options.targetPid())
                    .load(options.label());
            case WALK ->
                new GroupPager(client, options.pageSize())
                    .walks(options.plan(), options.label(), options.level(), options.walks());
          };
    } catch (IllegalStateException e) {
      LOG.error(e.getMessage());
      System.exit(1);
      return;
    }
    lines.forEach(StandardOutput::println);
  }
}
