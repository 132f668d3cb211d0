package dev.lamplighter.agent.localproxy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches the relay's SERVICE_IDS against the {@code -s}/{@code -d} entries, as AWS's local proxy
 * does: the same names, the same count; a single unnamed entry takes the tunnel's single service,
 * or, when the tunnel has none, speaks the V1 format (no service ids on the wire).
 */
final class ServiceIds {
  private ServiceIds() {}

  /** The services of this tunnel, each with its entry. */
  record Resolved(List<Service> services, boolean v1Format) {}

  /** One tunnel service and the local entry it maps to. */
  record Service(String id, ServiceMapping mapping) {}

  /**
   * @throws LocalProxyException when the names do not match
   */
  static Resolved resolve(List<ServiceMapping> mappings, List<String> ids) {
    Set<String> offered = new HashSet<>(ids);
    if (offered.size() != ids.size()) {
      throw mismatch(mappings, ids);
    }
    if (mappings.size() == 1 && mappings.get(0).unnamed()) {
      if (ids.isEmpty()) {
        return new Resolved(List.of(new Service("", mappings.get(0))), true);
      }
      if (ids.size() == 1) {
        return new Resolved(List.of(new Service(ids.get(0), mappings.get(0))), false);
      }
      throw mismatch(mappings, ids);
    }
    if (ids.size() != mappings.size()) {
      throw mismatch(mappings, ids);
    }
    List<Service> services = new ArrayList<>();
    for (ServiceMapping mapping : mappings) {
      if (!offered.contains(mapping.serviceId())) {
        throw mismatch(mappings, ids);
      }
      services.add(new Service(mapping.serviceId(), mapping));
    }
    return new Resolved(List.copyOf(services), false);
  }

  private static LocalProxyException mismatch(List<ServiceMapping> mappings, List<String> ids) {
    List<String> names =
        mappings.stream().map(m -> m.unnamed() ? "(unnamed)" : m.serviceId()).toList();
    return new LocalProxyException(
        "the tunnel's services " + ids + " do not match the services given " + names);
  }
}
