package dev.lamplighter.api.iot;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lamplighter.api.http.Call;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Handlers of DescribeEventConfigurations and UpdateEventConfigurations: decode, one service call,
 * encode. Every event type is described, in the model's order; a type given without {@code Enabled}
 * is turned off.
 */
final class EventConfigurationOperations {
  private final EventConfigurationService configurations;

  EventConfigurationOperations(EventConfigurationService configurations) {
    this.configurations = configurations;
  }

  /** The model's {@code Configuration} shape; its one member is capitalised. */
  record Configuration(@JsonProperty("Enabled") Boolean enabled) {}

  record UpdateEventConfigurationsRequest(Map<String, Configuration> eventConfigurations) {}

  record DescribeEventConfigurationsResponse(
      Map<String, Configuration> eventConfigurations,
      Instant creationDate,
      Instant lastModifiedDate) {}

  Object describe(Call call) {
    return described(configurations.describe(call.scope()));
  }

  Object update(Call call) {
    UpdateEventConfigurationsRequest request = call.input(UpdateEventConfigurationsRequest.class);
    Map<EventType, Boolean> changes = new EnumMap<>(EventType.class);
    if (request.eventConfigurations() != null) {
      request
          .eventConfigurations()
          .forEach(
              (type, configuration) ->
                  changes.put(
                      EventType.valueOf(type),
                      configuration != null && Boolean.TRUE.equals(configuration.enabled())));
    }
    configurations.update(call.scope(), changes);
    return null;
  }

  static DescribeEventConfigurationsResponse described(EventConfigurations current) {
    Map<String, Configuration> all = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      all.put(type.name(), new Configuration(current.isEnabled(type)));
    }
    return new DescribeEventConfigurationsResponse(
        all, current.creationDate(), current.lastModifiedDate());
  }
}
