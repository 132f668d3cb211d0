package dev.lamplighter.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration file of {@code key = value} lines. Blank lines and lines starting with
 * {@code #} are ignored; keys are the setting names used by flags ({@code api-port = 8080}).
 */
public final class ConfigFile {
  private ConfigFile() {}

  public static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    }
    return parse(lines, file.toString());
  }

  static Map<String, String> parse(List<String> lines, String fileName) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new ConfigException(
            fileName + " line " + (i + 1) + ": expected 'key = value', found '" + line + "'");
      }
      String key = line.substring(0, equals).strip();
      if (entries.put(key, line.substring(equals + 1).strip()) != null) {
        throw new ConfigException(fileName + " line " + (i + 1) + ": key '" + key + "' repeated");
      }
    }
    return entries;
  }
}
