package dev.lamplighter.server.cli;

import dev.lamplighter.core.config.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns settings into command-line flags, so the flag, its help text and its default have one
 * source. Secret settings get no flag: command lines are visible to every user of the machine.
 */
final class SettingFlags {
  private SettingFlags() {}

  static void addTo(CommandSpec spec, List<Setting<?>> settings) {
    for (Setting<?> setting : settings) {
      if (setting.isSecret()) {
        continue;
      }
      String defaultText = setting.defaultText() == null ? "none" : setting.defaultText();
      spec.addOption(
          OptionSpec.builder(setting.flag())
              .paramLabel("<" + setting.key().replaceAll(".*-", "") + ">")
              .type(String.class)
              .userObject(setting)
              .description(
                  setting.help() + " (default: " + defaultText + "; env " + setting.envVar() + ")")
              .build());
    }
  }

  /** The setting flags given on the command line, by setting key. */
  static Map<String, String> given(ParseResult parsed) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (OptionSpec option : parsed.matchedOptions()) {
      if (option.userObject() instanceof Setting<?> setting) {
        flags.put(setting.key(), parsed.matchedOptionValue(option.longestName(), ""));
      }
    }
    return flags;
  }
}
