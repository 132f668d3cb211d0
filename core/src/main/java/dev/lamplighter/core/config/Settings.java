package dev.lamplighter.core.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolved configuration values. A value comes from the first of: a command-line flag, a {@code
 * LAMPLIGHTER_*} environment variable, the configuration file, the setting's default.
 *
 * <p>Resolution is strict: a file key or {@code LAMPLIGHTER_*} variable that no setting declares,
 * and a value its setting cannot parse, stop start-up with a {@link ConfigException} naming the key
 * and its source. Nothing falls back silently.
 */
public final class Settings {
  private final Map<String, Object> values;
  private final Map<String, String> origins;

  private Settings(Map<String, Object> values, Map<String, String> origins) {
    this.values = values;
    this.origins = origins;
  }

  /**
   * Resolves {@code known} settings.
   *
   * @param flags flag values by setting key (without the leading dashes)
   * @param environment the process environment; only {@code LAMPLIGHTER_*} variables are read
   * @param file entries of the configuration file by key, empty when there is none
   * @param fileName how to name the file in messages
   */
  public static Settings resolve(
      Collection<Setting<?>> known,
      Map<String, String> flags,
      Map<String, String> environment,
      Map<String, String> file,
      String fileName) {
    Map<String, Setting<?>> byKey = new LinkedHashMap<>();
    Map<String, Setting<?>> byEnv = new LinkedHashMap<>();
    for (Setting<?> setting : known) {
      byKey.put(setting.key(), setting);
      byEnv.put(setting.envVar(), setting);
    }
    rejectUnknown(flags.keySet(), byKey, "command-line flag --");
    rejectUnknown(file.keySet(), byKey, "key in " + fileName + ": ");
    List<String> unknownEnv =
        environment.keySet().stream()
            .filter(Setting::isLamplighterEnvVar)
            .filter(name -> !byEnv.containsKey(name))
            .sorted()
            .toList();
    if (!unknownEnv.isEmpty()) {
      throw new ConfigException(
          "unknown environment variable "
              + unknownEnv.get(0)
              + ": no setting has that name (see 'lamplighter server --help')");
    }

    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (Setting<?> setting : known) {
      String text;
      String origin;
      if (flags.containsKey(setting.key())) {
        text = flags.get(setting.key());
        origin = "flag " + setting.flag();
      } else if (environment.containsKey(setting.envVar())) {
        text = environment.get(setting.envVar());
        origin = "environment variable " + setting.envVar();
      } else if (file.containsKey(setting.key())) {
        text = file.get(setting.key());
        origin = "key '" + setting.key() + "' in " + fileName;
      } else {
        text = setting.defaultText();
        origin = "default of " + setting.key();
      }
      if (text == null) {
        continue;
      }
      try {
        values.put(setting.key(), setting.parse(text));
      } catch (RuntimeException e) {
        String shown = setting.isSecret() ? "(hidden)" : "'" + text + "'";
        throw new ConfigException(
            "invalid value " + shown + " for " + origin + ": " + e.getMessage());
      }
      origins.put(setting.key(), origin);
    }
    return new Settings(values, origins);
  }

  private static void rejectUnknown(
      Collection<String> keys, Map<String, Setting<?>> byKey, String what) {
    TreeSet<String> unknown = new TreeSet<>(keys);
    unknown.removeAll(byKey.keySet());
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown " + what + unknown.first() + ": no setting has that name");
    }
  }

  /** The value of a setting that has a default. */
  public <T> T get(Setting<T> setting) {
    return find(setting)
        .orElseThrow(() -> new ConfigException("missing value for " + setting.key()));
  }

  /** The value of an optional setting, empty when nothing set it. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(Setting<T> setting) {
    return Optional.ofNullable((T) values.get(setting.key()));
  }

  /** Where the value came from, for start-up logs. */
  public String origin(Setting<?> setting) {
    return origins.getOrDefault(setting.key(), "unset");
  }
}
