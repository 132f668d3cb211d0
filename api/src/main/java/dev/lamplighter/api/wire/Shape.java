package dev.lamplighter.api.wire;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shape of a service model, reduced to the facts the API edge binds and validates with.
 *
 * <p>{@code min} and {@code max} bound the length of strings (in code points) and blobs (in bytes),
 * the size of lists and maps, and the value of numbers. The pattern is compiled once, when the
 * model is loaded, and must match the whole value.
 *
 * @param members the members of a structure in model order, by member name; empty otherwise
 * @param required the names of a structure's required members
 * @param payload the member of a structure that is the whole HTTP body
 * @param member the element shape of a list
 * @param key the key shape of a map
 * @param value the value shape of a map
 */
public record Shape(
    String name,
    ShapeType type,
    Map<String, Member> members,
    Set<String> required,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    Optional<Pattern> pattern,
    List<String> enumValues,
    Optional<String> payload,
    Optional<String> member,
    Optional<String> key,
    Optional<String> value,
    Optional<TimestampFormat> timestampFormat,
    boolean sensitive,
    boolean exception) {

  public Shape {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    required = Set.copyOf(required);
    enumValues = List.copyOf(enumValues);
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
  }

  /** Whether the named member must be present. */
  public boolean isRequired(String memberName) {
    return required.contains(memberName);
  }
}
