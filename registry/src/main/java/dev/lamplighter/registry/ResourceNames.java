package dev.lamplighter.registry;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;

/**
 * Resolves a resource named either by name or by ARN, as the membership operations of AWS IoT
 * accept both (for example {@code thingGroupName} or {@code thingGroupArn}).
 */
public final class ResourceNames {
  private ResourceNames() {}

  /**
   * The resource's name.
   *
   * @param member how the request names the member, such as {@code thingGroup}, for messages
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST when neither is given, the
   *     ARN is not an ARN of {@code type}, or name and ARN disagree; RESOURCE_NOT_FOUND when the
   *     ARN names another account or region
   */
  public static String nameOrArn(
      Scope scope, ResourceType type, String member, String name, String arn) {
    if (arn == null || arn.isEmpty()) {
      if (name == null || name.isEmpty()) {
        throw ErrorCode.INVALID_REQUEST.exception("Specify %sName or %sArn.", member, member);
      }
      return name;
    }
    Arn parsed =
        Arn.parse(arn)
            .filter(a -> a.type() == type)
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "%s is not the ARN of a %s.", arn, type.displayName()));
    if (!parsed.scope().equals(scope)) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception(
          "The %s %s does not exist.", type.displayName(), arn);
    }
    if (name != null && !name.isEmpty() && !name.equals(parsed.name())) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "%sName %s and %sArn %s name different resources.", member, name, member, arn);
    }
    return parsed.name();
  }
}
