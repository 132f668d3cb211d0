package dev.lamplighter.registry;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Map;

/**
 * Which of AWS IoT's events ({@code $aws/events/…}) a scope publishes.
 *
 * <p>Threading: safe from any thread; an update is one durable transaction with a change log entry
 * (resource type EVENT_CONFIGURATIONS, name {@code default}, the configuration as state), from
 * which every node's event publisher learns it.
 */
public interface EventConfigurationService {

  /** DescribeEventConfigurations. */
  EventConfigurations describe(Scope scope);

  /** UpdateEventConfigurations: the given types are turned on or off; the others keep theirs. */
  EventConfigurations update(Scope scope, Map<EventType, Boolean> changes);
}
