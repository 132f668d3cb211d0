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
              .description(
                  setting.help() + " (default: " + defaultText + "; env " + setting.envVar() + ")")
              .build());
    }
  }

  /** The flags given on the command line, by setting key. */
  static Map<String, String> given(ParseResult parsed) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (OptionSpec option : parsed.matchedOptions()) {
      String name = option.longestName();
      if (name.startsWith("--") && !name.equals("--help") && !name.equals("--version")) {
        flags.put(name.substring(2), parsed.matchedOptionValue(name, ""));
      }
    }
    return flags;
  }
}
