package dev.lamplighter.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the benchmark steps' command lines share. */
public final class CommandLines {
  private CommandLines() {}

  /**
   * {@code text} as a positive whole number.
   *
   * @throws IllegalArgumentException naming {@code name} and the text when it is not one
   */
  public static int positive(String name, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number, not '" + text + "'");
  }

  /**
   * The {@code --name value} pairs of {@code args} from {@code from} on, by name.
   *
   * @throws IllegalArgumentException for a name not in {@code known} or one without a value
   */
  public static Map<String, String> options(
      String[] args, int from, Set<String> known, String usage) {
    Map<String, String> options = new HashMap<>();
    for (int i = from; i < args.length; i += 2) {
      if (!known.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + usage);
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  /** The option {@code name} as a positive whole number, {@code fallback} when not given. */
  public static int positive(Map<String, String> options, String name, int fallback) {
    String text = options.get(name);
    return text == null ? fallback : positive(name, text);
  }

  /**
   * The constant of {@code type} that {@code text} names in lower case, such as {@code devices}.
   *
   * @throws IllegalArgumentException naming the text and the usage when none does
   */
  public static <E extends Enum<E>> E step(Class<E> type, String text, String usage) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown step '" + text + "'; " + usage);
  }
}
