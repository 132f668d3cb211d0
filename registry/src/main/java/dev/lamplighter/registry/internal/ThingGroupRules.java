package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.GroupMembership;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.util.Map;

/** The checks, errors and change log entries that static and dynamic thing groups share. */
final class ThingGroupRules {
  static final int MAX_ATTRIBUTES = 50;

  private ThingGroupRules() {}

  static ThingGroup find(RegistryPorts ports, Scope scope, String name) {
    return ports.thingGroups().find(scope, name).orElseThrow(() -> notFound(name));
  }

  /** Refuses a dynamic group in an operation for static groups, in AWS's words. */
  static void requireStatic(Scope scope, ThingGroup group) {
    if (group.dynamic() != null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "This operation does not support dynamic thing groups. Thing group arn: %s",
          arn(scope, group.name()));
    }
  }

  /** Refuses a static group in an operation for dynamic groups, mirroring AWS's words. */
  static void requireDynamic(Scope scope, ThingGroup group) {
    if (group.dynamic() == null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "This operation does not support static thing groups. Thing group arn: %s",
          arn(scope, group.name()));
    }
  }

  static void checkAttributeCount(String groupName, Map<String, String> attributes) {
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing group %s would have %d attributes; a thing group can have at most %d.",
          groupName, attributes.size(), MAX_ATTRIBUTES);
    }
  }

  static void checkVersion(ThingGroup current, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw ErrorCode.VERSION_CONFLICT.exception(
          "The version of thing group %s is %d, not the expected %d.",
          current.name(), current.version(), expectedVersion);
    }
  }

  /** Attributes after an update: merged, replaced, or (when none are given) kept. */
  static Map<String, String> updatedAttributes(
      ThingGroup current, Map<String, String> attributes, boolean merge) {
    if (attributes == null) {
      return current.attributes();
    }
    return merge
        ? AttributeRules.merge(current.attributes(), attributes)
        : AttributeRules.replace(attributes);
  }

  static RuntimeException alreadyExists(Scope scope, ThingGroup existing) {
    return ErrorCode.RESOURCE_ALREADY_EXISTS
        .exception(
            "Thing Group %s already exists in current account with different properties",
            existing.name())
        .withDetails(
            Map.of(
                "resourceId", existing.groupId(),
                "resourceArn", arn(scope, existing.name()).toString()));
  }

  static RuntimeException concurrentlyChanged(String name) {
    return ErrorCode.VERSION_CONFLICT.exception(
        "Thing group %s was changed by another request; read it again and retry.", name);
  }

  static RuntimeException notFound(String name) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Thing group %s does not exist.", name);
  }

  static void logMemberAdded(RegistryPorts ports, Scope scope, String groupName, String thing) {
    ports
        .changeLog()
        .append(
            ChangeRecord.memberAdded(
                scope, ResourceType.THING_GROUP, groupName, new GroupMembership(thing, groupName)));
  }

  static void logMemberRemoved(RegistryPorts ports, Scope scope, String groupName, String thing) {
    ports
        .changeLog()
        .append(
            ChangeRecord.memberRemoved(
                scope, ResourceType.THING_GROUP, groupName, new GroupMembership(thing, groupName)));
  }

  static Arn arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.THING_GROUP, name);
  }
}
