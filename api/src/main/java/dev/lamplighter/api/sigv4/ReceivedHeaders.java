package dev.lamplighter.api.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The received headers keyed by lower-case name, whatever case the server's map used. */
final class ReceivedHeaders {
  private final Map<String, List<String>> byLowerCaseName;

  private ReceivedHeaders(Map<String, List<String>> byLowerCaseName) {
    this.byLowerCaseName = byLowerCaseName;
  }

  static ReceivedHeaders of(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new HashMap<>(headers.size() * 2);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      List<String> values = header.getValue();
      if (header.getKey() == null || values == null) {
        continue;
      }
      String name = header.getKey().toLowerCase(Locale.ROOT);
      List<String> previous = lower.putIfAbsent(name, values);
      if (previous != null) {
        List<String> merged = new ArrayList<>(previous);
        merged.addAll(values);
        lower.put(name, merged);
      }
    }
    return new ReceivedHeaders(lower);
  }

  /** All values of a header, in the order received; empty when absent. */
  List<String> values(String lowerCaseName) {
    return byLowerCaseName.getOrDefault(lowerCaseName, List.of());
  }

  /** The first value of a header, or null when absent. */
  String first(String lowerCaseName) {
    List<String> values = values(lowerCaseName);
    return values.isEmpty() ? null : values.get(0);
  }
}
