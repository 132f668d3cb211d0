package dev.lamplighter.api.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request URI of an operation as its model writes it: literal path segments, labels such as
 * {@code {thingName}} that match exactly one segment, at most one greedy label such as {@code
 * {topic+}} that matches one or more segments, and after a {@code ?} query parameters the request
 * must carry (for example {@code /foo?bar} or {@code /foo?bar=baz}).
 *
 * <p>Matching works on the raw (still percent-encoded) path: it is split at {@code /}, each segment
 * is percent-decoded as UTF-8 on its own, literals compare with the decoded segment and labels take
 * it. So a plain label never spans a {@code /} the client sent, but takes an encoded {@code %2F} as
 * part of its value ({@code /topics/lamps%2F1} gives {@code topic = "lamps/1"}), while a greedy
 * label takes the decoded segments joined with {@code /}. A label may match an empty segment; the
 * member's length constraint then reports it, as AWS does. A literal such as {@code $next} is just
 * text here.
 *
 * <p>Two templates can match the same path ({@code /thing-groups/addThingToThingGroup} and {@code
 * /thing-groups/{thingGroupName}}); {@link #MOST_SPECIFIC_FIRST} orders the one a router must
 * prefer first.
 */
public final class UriTemplate {

  /**
   * Orders templates so that, where two can match the same path, the one to prefer comes first: at
   * the first segment position where they differ a literal beats a label and a label beats a greedy
   * label; then more segments beat fewer; then more required query parameters beat fewer. Two
   * templates that compare equal and match the same path are ambiguous. This ordering is not
   * consistent with {@link #equals}.
   */
  public static final Comparator<UriTemplate> MOST_SPECIFIC_FIRST = UriTemplate::compareSpecificity;

  private enum Kind {
    LITERAL,
    LABEL,
    GREEDY
  }

  private record Segment(Kind kind, String text) {}

  private final String template;
  private final List<Segment> segments;
  private final int greedyIndex;
  private final Map<String, String> requiredQuery;
  private final List<String> labels;

  private UriTemplate(String template, List<Segment> segments, Map<String, String> requiredQuery) {
    this.template = template;
    this.segments = List.copyOf(segments);
    this.requiredQuery = Collections.unmodifiableMap(new LinkedHashMap<>(requiredQuery));
    int greedy = -1;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment.kind() == Kind.GREEDY) {
        greedy = i;
      }
      if (segment.kind() != Kind.LITERAL) {
        names.add(segment.text());
      }
    }
    this.greedyIndex = greedy;
    this.labels = List.copyOf(names);
  }

  /**
   * Parses a model's request URI.
   *
   * @throws IllegalArgumentException if it does not start with {@code /}, a label is not a whole
   *     segment, a label name repeats, or more than one label is greedy
   */
  public static UriTemplate parse(String requestUri) {
    if (requestUri == null || !requestUri.startsWith("/")) {
      throw new IllegalArgumentException("URI template must start with '/': " + requestUri);
    }
    int question = requestUri.indexOf('?');
    String path = question < 0 ? requestUri : requestUri.substring(0, question);
    Map<String, String> query = new LinkedHashMap<>();
    if (question >= 0) {
      for (String pair : requestUri.substring(question + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    List<Segment> segments = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    boolean greedySeen = false;
    for (String part : splitPath(path)) {
      boolean opens = part.startsWith("{");
      boolean closes = part.endsWith("}");
      if (opens != closes || (!opens && (part.contains("{") || part.contains("}")))) {
        throw new IllegalArgumentException(
            "a URI label must be a whole segment in " + requestUri + ": " + part);
      }
      if (!opens) {
        segments.add(new Segment(Kind.LITERAL, part));
        continue;
      }
      String name = part.substring(1, part.length() - 1);
      Kind kind = Kind.LABEL;
      if (name.endsWith("+")) {
        if (greedySeen) {
          throw new IllegalArgumentException("more than one greedy label in " + requestUri);
        }
        greedySeen = true;
        kind = Kind.GREEDY;
        name = name.substring(0, name.length() - 1);
      }
      if (name.isEmpty() || name.contains("{") || name.contains("}") || seen.contains(name)) {
        throw new IllegalArgumentException("bad or repeated label in " + requestUri + ": " + part);
      }
      seen.add(name);
      segments.add(new Segment(kind, name));
    }
    return new UriTemplate(requestUri, segments, query);
  }

  /** The template as the model writes it. */
  public String template() {
    return template;
  }

  /** The label names in path order, without braces or {@code +}. */
  public List<String> labels() {
    return labels;
  }

  /** Whether the named label is greedy. */
  public boolean isGreedy(String label) {
    return greedyIndex >= 0 && segments.get(greedyIndex).text().equals(label);
  }

  /**
   * The query parameters the template requires, by name; an empty value means only presence is
   * required.
   */
  public Map<String, String> requiredQuery() {
    return requiredQuery;
  }

  /**
   * Matches a raw request path (percent-encoded, without the query).
   *
   * @return the decoded label values by label name, or empty if the path does not match or holds a
   *     malformed percent-escape or invalid UTF-8
   */
  public Optional<Map<String, String>> match(String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    int question = path.indexOf('?');
    if (question >= 0) {
      path = path.substring(0, question);
    }
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    List<String> parts = splitPath(path);
    int prefix = greedyIndex < 0 ? segments.size() : greedyIndex;
    int suffix = greedyIndex < 0 ? 0 : segments.size() - greedyIndex - 1;
    if (greedyIndex < 0 ? parts.size() != segments.size() : parts.size() < prefix + suffix + 1) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < prefix; i++) {
      if (!matchSegment(segments.get(i), parts.get(i), values)) {
        return Optional.empty();
      }
    }
    for (int i = 0; i < suffix; i++) {
      Segment segment = segments.get(segments.size() - 1 - i);
      if (!matchSegment(segment, parts.get(parts.size() - 1 - i), values)) {
        return Optional.empty();
      }
    }
    if (greedyIndex >= 0) {
      StringBuilder joined = new StringBuilder();
      for (int i = prefix; i < parts.size() - suffix; i++) {
        Optional<String> decoded = percentDecode(parts.get(i));
        if (decoded.isEmpty()) {
          return Optional.empty();
        }
        if (i > prefix) {
          joined.append('/');
        }
        joined.append(decoded.get());
      }
      values.put(segments.get(greedyIndex).text(), joined.toString());
    }
    return Optional.of(Collections.unmodifiableMap(values));
  }

  /** Whether a request's (decoded) query parameters include those the template requires. */
  public boolean acceptsQuery(Map<String, List<String>> query) {
    for (Map.Entry<String, String> required : requiredQuery.entrySet()) {
      List<String> values = query.get(required.getKey());
      if (values == null) {
        return false;
      }
      if (!required.getValue().isEmpty() && !values.contains(required.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchSegment(Segment segment, String raw, Map<String, String> values) {
    Optional<String> decoded = percentDecode(raw);
    if (decoded.isEmpty()) {
      return false;
    }
    if (segment.kind() == Kind.LITERAL) {
      return segment.text().equals(decoded.get());
    }
    values.put(segment.text(), decoded.get());
    return true;
  }

  private static int compareSpecificity(UriTemplate a, UriTemplate b) {
    int common = Math.min(a.segments.size(), b.segments.size());
    for (int i = 0; i < common; i++) {
      int byKind = a.segments.get(i).kind().compareTo(b.segments.get(i).kind());
      if (byKind != 0) {
        return byKind;
      }
    }
    int bySize = Integer.compare(b.segments.size(), a.segments.size());
    if (bySize != 0) {
      return bySize;
    }
    return Integer.compare(b.requiredQuery.size(), a.requiredQuery.size());
  }

  /** Splits {@code /a/b/} into {@code [a, b, ""]}; {@code /} alone has no segments. */
  private static List<String> splitPath(String path) {
    String body = path.substring(1);
    if (body.isEmpty()) {
      return List.of();
    }
    return List.of(body.split("/", -1));
  }

  /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays a plus in a path. */
  static Optional<String> percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return Optional.of(raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi * 16 + lo);
        i += 3;
      } else {
        int end = i;
        while (end < raw.length() && raw.charAt(end) != '%') {
          end++;
        }
        byte[] plain = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
        i = end;
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UriTemplate that && template.equals(that.template);
  }

  @Override
  public int hashCode() {
    return template.hashCode();
  }

  @Override
  public String toString() {
    return template;
  }
}
