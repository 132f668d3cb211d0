package dev.lamplighter.security.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Resource or a condition value compiled for matching without building strings: a sequence of
 * literal text, policy variables ({@code ${iot:ClientId}}) and, in wildcard mode, {@code ?} (one
 * character) and {@code *} (any sequence, including {@code /} and {@code :}).
 *
 * <p>The elements between stars form chunks. Matching checks the chunk anchored at the end first
 * (where topic ARNs that share a prefix differ), then the one anchored at the start, then finds
 * every middle chunk at its leftmost position, which is enough for patterns whose only repetition
 * is {@code *}. Within a chunk, elements are compared from the last to the first. A variable's
 * value is compared character by character, so a {@code *} in a client id is just a character.
 * MQTT's {@code +} and {@code #} have no meaning here. {@code ${*}}, {@code ${?}} and {@code ${$}}
 * stand for the characters themselves, as in IAM.
 *
 * <p>A template with a variable that the context cannot resolve matches nothing: {@link #match}
 * answers {@link #UNRESOLVED} before comparing anything.
 */
final class Template {
  static final int NO_MATCH = 0;
  static final int MATCH = 1;
  static final int UNRESOLVED = 2;

  private static final byte LITERAL = 0;
  private static final byte VARIABLE = 1;
  private static final byte ONE_CHARACTER = 2;

  private final String text;
  private final Chunk[] chunks;
  private final boolean hasStar;
  private final boolean startAnchored;
  private final boolean endAnchored;
  private final ContextKey[] variables;

  private Template(
      String text,
      Chunk[] chunks,
      boolean hasStar,
      boolean startAnchored,
      boolean endAnchored,
      ContextKey[] variables) {
    this.text = text;
    this.chunks = chunks;
    this.hasStar = hasStar;
    this.startAnchored = startAnchored;
    this.endAnchored = endAnchored;
    this.variables = variables;
  }

  /**
   * Compiles {@code text}. With {@code wildcards}, {@code *} and {@code ?} are wildcards (Resource,
   * {@code StringLike}, {@code ArnLike}); without, they are literal characters ({@code
   * StringEquals}).
   */
  static Template parse(String text, boolean wildcards) {
    List<Chunk> chunks = new ArrayList<>();
    Map<String, ContextKey> variables = new LinkedHashMap<>();
    ChunkBuilder current = new ChunkBuilder();
    boolean hasStar = false;
    boolean startsWithStar = false;
    boolean endsWithStar = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      endsWithStar = false;
      if (c == '$' && text.startsWith("{", i + 1) && text.indexOf('}', i + 2) > 0) {
        int close = text.indexOf('}', i + 2);
        String name = text.substring(i + 2, close);
        if (name.equals("*") || name.equals("?") || name.equals("$")) {
          current.literal.append(name);
        } else {
          ContextKey key =
              variables.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> ContextKey.of(name));
          current.variable(key);
        }
        i = close + 1;
      } else if (wildcards && c == '*') {
        if (i == 0) {
          startsWithStar = true;
        }
        hasStar = true;
        endsWithStar = true;
        if (!current.isEmpty()) {
          current.finish(chunks);
          current = new ChunkBuilder();
        }
        i++;
      } else if (wildcards && c == '?') {
        current.oneCharacter();
        i++;
      } else {
        current.literal.append(c);
        i++;
      }
    }
    if (!hasStar || !current.isEmpty()) {
      current.finish(chunks);
    }
    return new Template(
        text,
        chunks.toArray(new Chunk[0]),
        hasStar,
        !startsWithStar,
        !endsWithStar,
        variables.values().toArray(new ContextKey[0]));
  }

  /** The text as written in the policy. */
  String text() {
    return text;
  }

  /** Whether the template matches every value ({@code *}). */
  boolean matchesEverything() {
    return hasStar && chunks.length == 0;
  }

  boolean hasVariables() {
    return variables.length > 0;
  }

  /** Whether the template is wildcard-free literal text (after variables). */
  boolean hasWildcards() {
    if (hasStar) {
      return true;
    }
    for (Chunk chunk : chunks) {
      for (byte kind : chunk.kinds) {
        if (kind == ONE_CHARACTER) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Matches {@code value[from, to)}: {@link #MATCH}, {@link #NO_MATCH}, or {@link #UNRESOLVED} when
   * a variable has no value in {@code context}.
   */
  int match(String value, int from, int to, PolicyContext context, boolean ignoreCase) {
    if (variables.length > 0 && !resolves(context)) {
      return UNRESOLVED;
    }
    if (!hasStar) {
      Chunk chunk = chunks[0];
      int length = chunk.length(context);
      return length == to - from && chunk.matchesAt(value, to, context, ignoreCase)
          ? MATCH
          : NO_MATCH;
    }
    int low = from;
    int high = to;
    int first = 0;
    int last = chunks.length - 1;
    if (endAnchored) {
      Chunk chunk = chunks[last];
      int length = chunk.length(context);
      if (high - low < length || !chunk.matchesAt(value, high, context, ignoreCase)) {
        return NO_MATCH;
      }
      high -= length;
      last--;
    }
    if (startAnchored && first <= last) {
      Chunk chunk = chunks[first];
      int length = chunk.length(context);
      if (high - low < length || !chunk.matchesAt(value, low + length, context, ignoreCase)) {
        return NO_MATCH;
      }
      low += length;
      first++;
    }
    for (int k = first; k <= last; k++) {
      Chunk chunk = chunks[k];
      int length = chunk.length(context);
      int at = low;
      while (at + length <= high && !chunk.matchesAt(value, at + length, context, ignoreCase)) {
        at++;
      }
      if (at + length > high) {
        return NO_MATCH;
      }
      low = at + length;
    }
    return MATCH;
  }

  /** {@link #match} over the whole of {@code value}. */
  int match(String value, PolicyContext context, boolean ignoreCase) {
    return match(value, 0, value.length(), context, ignoreCase);
  }

  /**
   * The text with its variables substituted, or null when one has no value. Only for templates
   * without wildcards.
   */
  String render(PolicyContext context) {
    if (hasStar || chunks.length != 1) {
      throw new IllegalStateException("a wildcard template has no single value: " + text);
    }
    Chunk chunk = chunks[0];
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chunk.kinds.length; i++) {
      if (chunk.kinds[i] == VARIABLE) {
        String value = chunk.keys[i].value(context);
        if (value == null) {
          return null;
        }
        out.append(value);
      } else {
        out.append(chunk.literals[i]);
      }
    }
    return out.toString();
  }

  /** Whether every variable of the template has a value in {@code context}. */
  boolean resolves(PolicyContext context) {
    for (ContextKey variable : variables) {
      if (variable.value(context) == null) {
        return false;
      }
    }
    return true;
  }

  /** Adds the names of the variables that {@code context} cannot resolve. */
  void addUnresolved(PolicyContext context, Collection<String> names) {
    for (ContextKey variable : variables) {
      if (variable.value(context) == null) {
        names.add(variable.name());
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }

  /** Elements between two stars. */
  private static final class Chunk {
    final byte[] kinds;
    final String[] literals;
    final ContextKey[] keys;
    final int fixedLength;

    Chunk(byte[] kinds, String[] literals, ContextKey[] keys, int fixedLength) {
      this.kinds = kinds;
      this.literals = literals;
      this.keys = keys;
      this.fixedLength = fixedLength;
    }

    /** The chunk's length with its variables' values (all resolved: checked before). */
    int length(PolicyContext context) {
      int length = fixedLength;
      for (ContextKey key : keys) {
        if (key != null) {
          length += key.value(context).length();
        }
      }
      return length;
    }

    /** Whether the chunk matches the characters of {@code value} that end at {@code end}. */
    boolean matchesAt(String value, int end, PolicyContext context, boolean ignoreCase) {
      int at = end;
      for (int i = kinds.length - 1; i >= 0; i--) {
        switch (kinds[i]) {
          case ONE_CHARACTER:
            at--;
            break;
          case LITERAL:
            String literal = literals[i];
            at -= literal.length();
            if (!value.regionMatches(ignoreCase, at, literal, 0, literal.length())) {
              return false;
            }
            break;
          default:
            String substituted = keys[i].value(context);
            at -= substituted.length();
            if (!value.regionMatches(ignoreCase, at, substituted, 0, substituted.length())) {
              return false;
            }
            break;
        }
      }
      return true;
    }
  }

  private static final class ChunkBuilder {
    final StringBuilder literal = new StringBuilder();
    final List<Byte> kinds = new ArrayList<>();
    final List<String> literals = new ArrayList<>();
    final List<ContextKey> keys = new ArrayList<>();
    int fixedLength;

    void variable(ContextKey key) {
      flush();
      kinds.add(VARIABLE);
      literals.add(null);
      keys.add(key);
    }

    void oneCharacter() {
      flush();
      kinds.add(ONE_CHARACTER);
      literals.add(null);
      keys.add(null);
      fixedLength++;
    }

    boolean isEmpty() {
      return kinds.isEmpty() && literal.length() == 0;
    }

    private void flush() {
      if (literal.length() > 0) {
        kinds.add(LITERAL);
        literals.add(literal.toString());
        keys.add(null);
        fixedLength += literal.length();
        literal.setLength(0);
      }
    }

    void finish(List<Chunk> chunks) {
      flush();
      byte[] kindArray = new byte[kinds.size()];
      for (int i = 0; i < kindArray.length; i++) {
        kindArray[i] = kinds.get(i);
      }
      chunks.add(
          new Chunk(
              kindArray,
              literals.toArray(new String[0]),
              keys.toArray(new ContextKey[0]),
              fixedLength));
    }
  }
}
