package dev.lamplighter.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One configuration key: its name (also the flag {@code --name} and the file key), its environment
 * variable ({@code LAMPLIGHTER_NAME}), its default, help text and parser.
 *
 * @param <T> the typed value
 */
public final class Setting<T> {
  private static final String ENV_PREFIX = "LAMPLIGHTER_";

  private final String key;
  private final String help;
  private final String defaultText;
  private final Function<String, T> parser;
  private final boolean secret;

  private Setting(
      String key, String help, String defaultText, Function<String, T> parser, boolean secret) {
    if (!key.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("setting keys are lower-case words joined by '-'");
    }
    this.key = key;
    this.help = Objects.requireNonNull(help, "help");
    this.defaultText = defaultText;
    this.parser = parser;
    this.secret = secret;
  }

  /** A TCP port, 0 meaning "pick a free port". */
  public static Setting<Integer> port(String key, int defaultPort, String help) {
    return new Setting<>(key, help, Integer.toString(defaultPort), Setting::parsePort, false);
  }

  /** A whole number between {@code min} and {@code max}, both included. */
  public static Setting<Integer> integer(
      String key, int defaultValue, int min, int max, String help) {
    if (defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException("the default of " + key + " is out of its range");
    }
    return new Setting<>(
        key,
        help,
        Integer.toString(defaultValue),
        text -> {
          int value;
          try {
            value = Integer.parseInt(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
          }
          return value;
        },
        false);
  }

  public static Setting<String> text(String key, String defaultValue, String help) {
    return new Setting<>(key, help, defaultValue, Setting::parseText, false);
  }

  /** A text setting whose value is never printed (keys, secrets). */
  public static Setting<String> secret(String key, String help) {
    return new Setting<>(key, help, null, Setting::parseText, true);
  }

  public static Setting<Path> path(String key, String defaultValue, String help) {
    return new Setting<>(key, help, defaultValue, Path::of, false);
  }

  /** A duration written as {@code 300s}, {@code 5m}, {@code 2h} or ISO-8601 ({@code PT5M}). */
  public static Setting<Duration> duration(String key, String defaultValue, String help) {
    return new Setting<>(key, help, defaultValue, Setting::parseDuration, false);
  }

  public static Setting<Boolean> bool(String key, boolean defaultValue, String help) {
    return new Setting<>(key, help, Boolean.toString(defaultValue), Setting::parseBool, false);
  }

  public static <E extends Enum<E>> Setting<E> choice(
      String key, Class<E> type, E defaultValue, String help) {
    String choices =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    return new Setting<>(
        key,
        help + " (one of: " + choices + ")",
        defaultValue.name().toLowerCase(Locale.ROOT),
        text -> {
          for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
              return constant;
            }
          }
          throw new IllegalArgumentException("expected one of: " + choices);
        },
        false);
  }

  /** The same setting with a validation step after parsing. */
  public Setting<T> validatedBy(Function<T, T> check) {
    return new Setting<>(key, help, defaultText, parser.andThen(check), secret);
  }

  public String key() {
    return key;
  }

  public String flag() {
    return "--" + key;
  }

  public String envVar() {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public String help() {
    return help;
  }

  /** The default as text, or null when the setting is optional and has none. */
  public String defaultText() {
    return defaultText;
  }

  public boolean isSecret() {
    return secret;
  }

  T parse(String text) {
    return parser.apply(text);
  }

  static boolean isLamplighterEnvVar(String name) {
    return name.startsWith(ENV_PREFIX);
  }

  private static Integer parsePort(String text) {
    int port;
    try {
      port = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port number");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a port is between 0 and 65535");
    }
    return port;
  }

  private static String parseText(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text.trim();
  }

  private static Boolean parseBool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  private static Duration parseDuration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.equals("0")) {
        return Duration.ZERO; // zero needs no unit
      }
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.matches("[0-9]+(ms|s|m|h)")) {
        long amount = Long.parseLong(value.replaceAll("[a-z]+$", ""));
        return switch (value.replaceAll("^[0-9]+", "")) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      // fall through to the common message
    }
    throw new IllegalArgumentException("expected a duration such as 300s, 5m, PT5M or 0");
  }
}
