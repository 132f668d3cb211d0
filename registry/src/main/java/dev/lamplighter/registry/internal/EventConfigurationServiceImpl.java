package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Event configurations in the store, each change logged for every node's event publisher. */
public final class EventConfigurationServiceImpl implements EventConfigurationService {
  /** The one name the configurations of a scope are logged under. */
  public static final String NAME = "default";

  private final RegistryPorts ports;
  private final Clock clock;

  public EventConfigurationServiceImpl(RegistryPorts ports, Clock clock) {
    this.ports = ports;
    this.clock = clock;
  }

  @Override
  public EventConfigurations describe(Scope scope) {
    return ports.eventConfigurations().find(scope).orElse(EventConfigurations.DEFAULT);
  }

  @Override
  public EventConfigurations update(Scope scope, Map<EventType, Boolean> changes) {
    return ports
        .transactions()
        .inTransaction(
            () -> {
              EventConfigurations current = describe(scope);
              Map<EventType, Boolean> next = new EnumMap<>(current.enabled());
              next.putAll(changes);
              Instant now = clock.instant();
              EventConfigurations updated =
                  new EventConfigurations(
                      next, current.creationDate() == null ? now : current.creationDate(), now);
              ports.eventConfigurations().save(scope, updated);
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.updated(
                          scope, ResourceType.EVENT_CONFIGURATIONS, NAME, updated.enabled()));
              return updated;
            });
  }
}
