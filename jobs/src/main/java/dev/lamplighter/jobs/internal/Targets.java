package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.spi.JobTarget;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job's targets: thing and thing-group ARNs of the job's scope, checked against the registry, and
 * the things they stand for (a static group's things include those of its descendants; a dynamic
 * group's are its current members).
 */
final class Targets {
  static final int MAX_TARGETS = 100;

  private final Registry registry;

  Targets(Registry registry) {
    this.registry = registry;
  }

  /**
   * Checks target ARNs and looks up their groups.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for an ARN that is not a
   *     thing or thing group of the scope, or more than 100; RESOURCE_NOT_FOUND for a target that
   *     does not exist
   */
  List<JobTarget> resolve(Scope scope, List<String> arns) {
    if (arns.isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception("A job needs at least one target.");
    }
    if (arns.size() > MAX_TARGETS) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "A job can have at most %d targets, not %d.", MAX_TARGETS, arns.size());
    }
    Set<String> distinct = new LinkedHashSet<>(arns);
    List<JobTarget> targets = new ArrayList<>(distinct.size());
    for (String text : distinct) {
      Arn arn = parse(scope, text);
      if (arn.type() == ResourceType.THING) {
        registry.things().describe(scope, arn.name());
        targets.add(new JobTarget(text, null, null));
      } else {
        ThingGroup group = registry.thingGroups().describe(scope, arn.name());
        targets.add(new JobTarget(text, group.name(), group.groupId()));
      }
    }
    return targets;
  }

  private static Arn parse(Scope scope, String text) {
    Optional<Arn> parsed = Arn.parse(text);
    if (parsed.isEmpty()
        || (parsed.get().type() != ResourceType.THING
            && parsed.get().type() != ResourceType.THING_GROUP)) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Target %s is not the ARN of a thing or a thing group.", text);
    }
    if (!parsed.get().scope().equals(scope)) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Target %s is not in the account and region of the request.", text);
    }
    return parsed.get();
  }

  /**
   * One page of the things a target stands for, in name order; a target that no longer exists
   * stands for none.
   */
  Page<String> things(Scope scope, String targetArn, PageRequest page) {
    Arn arn = Arn.parse(targetArn).orElseThrow();
    if (arn.type() == ResourceType.THING) {
      if (page.after().isPresent() || !thingExists(scope, arn.name())) {
        return new Page<>(List.of(), Optional.empty());
      }
      return new Page<>(List.of(arn.name()), Optional.empty());
    }
    try {
      return registry.thingGroups().listThings(scope, arn.name(), true, page);
    } catch (dev.lamplighter.core.error.ServiceException gone) {
      if (gone.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return new Page<>(List.of(), Optional.empty());
      }
      throw gone;
    }
  }

  private boolean thingExists(Scope scope, String name) {
    try {
      registry.things().describe(scope, name);
      return true;
    } catch (dev.lamplighter.core.error.ServiceException gone) {
      if (gone.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return false;
      }
      throw gone;
    }
  }

  /**
   * Whether a thing is still among the things of any of the targets: itself, or a member of a
   * target group or one of its descendants.
   */
  boolean covers(Scope scope, List<String> targetArns, String thingName) {
    Set<String> groups = new LinkedHashSet<>();
    for (String text : targetArns) {
      Arn arn = Arn.parse(text).orElseThrow();
      if (arn.type() == ResourceType.THING && arn.name().equals(thingName)) {
        return true;
      }
      if (arn.type() == ResourceType.THING_GROUP) {
        groups.add(arn.name());
      }
    }
    if (groups.isEmpty() || !thingExists(scope, thingName)) {
      return false;
    }
    PageRequest page = PageRequest.first(100);
    while (true) {
      Page<String> direct = registry.thingGroups().listGroupsForThing(scope, thingName, page);
      for (String groupName : direct.items()) {
        if (groups.contains(groupName)
            || lineageOf(scope, groupName).stream().anyMatch(groups::contains)) {
          return true;
        }
      }
      if (direct.next().isEmpty()) {
        return false;
      }
      page = PageRequest.after(direct.next().get(), 100);
    }
  }

  /** A group and its ancestors, or nothing when it is gone. */
  List<String> lineageOf(Scope scope, String groupName) {
    try {
      ThingGroup group = registry.thingGroups().describe(scope, groupName);
      List<String> lineage = new ArrayList<>(group.ancestors());
      lineage.add(group.name());
      return lineage;
    } catch (dev.lamplighter.core.error.ServiceException gone) {
      if (gone.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return List.of();
      }
      throw gone;
    }
  }
}
