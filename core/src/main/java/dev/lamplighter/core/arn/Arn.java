package dev.lamplighter.core.arn;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;
import java.util.Optional;

/** An IoT resource ARN: {@code arn:aws:iot:{region}:{account}:{type}/{name}}. */
public record Arn(Scope scope, ResourceType type, String name) {
  private static final String PREFIX = "arn:aws:iot:";

  public Arn {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(type, "type");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an ARN needs a resource name");
    }
  }

  public static Arn of(Scope scope, ResourceType type, String name) {
    return new Arn(scope, type, name);
  }

  /**
   * Parses an IoT ARN; empty when the text is not one (wrong partition or service, malformed region
   * or account, unknown resource type).
   */
  public static Optional<Arn> parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = text.substring(PREFIX.length()).split(":", 3);
    if (parts.length != 3 || !Region.isValid(parts[0]) || !AccountId.isValid(parts[1])) {
      return Optional.empty();
    }
    int slash = parts[2].indexOf('/');
    if (slash <= 0 || slash == parts[2].length() - 1) {
      return Optional.empty();
    }
    Optional<ResourceType> type = ResourceType.fromArnSegment(parts[2].substring(0, slash));
    String name = parts[2].substring(slash + 1);
    return type.map(
        t -> new Arn(new Scope(new AccountId(parts[1]), new Region(parts[0])), t, name));
  }

  @Override
  public String toString() {
    return PREFIX + scope.region() + ":" + scope.account() + ":" + type.arnSegment() + "/" + name;
  }
}
