package dev.lamplighter.server.config;

import dev.lamplighter.api.ApiConfig;
import dev.lamplighter.core.config.ConfigFile;
import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.index.FleetIndexSettings;
import dev.lamplighter.registry.RegistryConfig;
import dev.lamplighter.security.SecurityConfig;
import dev.lamplighter.store.StoreSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves every module's settings once. All commands know all settings, so an environment prepared
 * for the server does not trip an admin command; each command only offers the flags it uses.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Every setting of every module. */
  public static List<Setting<?>> allSettings() {
    List<Setting<?>> all = new ArrayList<>(ServerSettings.all());
    all.addAll(MqttSettings.all());
    all.addAll(FilesSettings.all());
    all.addAll(TunnelSettings.all());
    all.addAll(StoreSettings.all());
    all.addAll(SecurityConfig.settings());
    all.addAll(RegistryConfig.settings());
    all.addAll(FleetIndexSettings.settings());
    all.addAll(ApiConfig.settings());
    return all;
  }

  /**
   * Resolves the settings.
   *
   * @param flags values of the flags given on the command line, by setting key
   * @param environment the process environment
   */
  public static Settings load(Map<String, String> flags, Map<String, String> environment) {
    String file = flags.get(ServerSettings.CONFIG.key());
    if (file == null) {
      file = environment.get(ServerSettings.CONFIG.envVar());
    }
    Map<String, String> entries = file == null ? Map.of() : ConfigFile.read(Path.of(file));
    return Settings.resolve(
        allSettings(), flags, environment, entries, file == null ? "the configuration file" : file);
  }
}
