package dev.lamplighter.agent.localproxy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code -s} or {@code -d}: a service id (empty when the entry names none) and the
 * local port, plus for destination entries the host to connect to.
 *
 * @param serviceId the tunnel's service id, or {@code ""} for an unnamed entry
 * @param host the host a destination connects to; {@code null} for source entries
 * @param port the port to listen on (source, 0 = any free port) or to connect to (destination)
 */
public record ServiceMapping(String serviceId, String host, int port) {
  /** The host of a destination entry that names none. */
  public static final String DEFAULT_HOST = "localhost";

  public ServiceMapping {
    if (serviceId == null) {
      throw new IllegalArgumentException("serviceId is null; use \"\" for an unnamed entry");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Whether this entry names no service. */
  public boolean unnamed() {
    return serviceId.isEmpty();
  }

  /**
   * Parses {@code -s}: {@code PORT} or {@code SVC=PORT[,SVC=PORT…]}.
   *
   * @throws IllegalArgumentException naming the option and the bad entry
   */
  public static List<ServiceMapping> parseSourcePorts(String spec) {
    return parse("-s/--source-listen-port", spec, false);
  }

  /**
   * Parses {@code -d}: {@code [HOST:]PORT} or {@code SVC=[HOST:]PORT[,SVC=[HOST:]PORT…]}; an IPv6
   * host is written in brackets ({@code [::1]:22}).
   *
   * @throws IllegalArgumentException naming the option and the bad entry
   */
  public static List<ServiceMapping> parseDestinationApps(String spec) {
    return parse("-d/--destination-app", spec, true);
  }

  private static List<ServiceMapping> parse(String option, String spec, boolean destination) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(option + " is empty");
    }
    List<ServiceMapping> mappings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String raw : spec.split(",", -1)) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        throw new IllegalArgumentException(option + " has an empty entry: '" + spec + "'");
      }
      String name = "";
      String address = entry;
      int equals = entry.indexOf('=');
      if (equals >= 0) {
        name = entry.substring(0, equals).trim();
        address = entry.substring(equals + 1).trim();
        if (name.isEmpty()) {
          throw new IllegalArgumentException(option + " entry '" + entry + "' has no service id");
        }
      }
      String host = destination ? DEFAULT_HOST : null;
      String port = address;
      if (destination) {
        int colon = address.lastIndexOf(':');
        if (colon >= 0) {
          host = address.substring(0, colon);
          port = address.substring(colon + 1);
          if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
          }
          if (host.isEmpty()) {
            throw new IllegalArgumentException(option + " entry '" + entry + "' has an empty host");
          }
        }
      }
      mappings.add(new ServiceMapping(name, host, port(option, entry, port, destination)));
      if (!names.add(name)) {
        throw new IllegalArgumentException(
            option
                + (name.isEmpty()
                    ? " may have only one entry without a service id"
                    : " names service '" + name + "' twice"));
      }
    }
    if (mappings.size() > 1 && names.contains("")) {
      throw new IllegalArgumentException(
          option + " must name every service (SVC=PORT) when it has several entries");
    }
    return List.copyOf(mappings);
  }

  private static int port(String option, String entry, String text, boolean destination) {
    int port;
    try {
      port = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " entry '" + entry + "' has no valid port");
    }
    int lowest = destination ? 1 : 0;
    if (port < lowest || port > 65_535) {
      throw new IllegalArgumentException(
          option + " entry '" + entry + "': port must be " + lowest + "-65535");
    }
    return port;
  }
}
