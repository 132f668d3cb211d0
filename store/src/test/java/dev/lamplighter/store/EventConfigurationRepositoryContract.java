package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import dev.lamplighter.registry.spi.EventConfigurationRepository;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link EventConfigurationRepository}. */
abstract class EventConfigurationRepositoryContract extends ContractSupport {
  private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final Instant MODIFIED = Instant.parse("2026-01-03T00:00:00Z");

  private EventConfigurationRepository configurations() {
    return store().registryPorts().eventConfigurations();
  }

  @Test
  void aScopeNeverConfigured_hasNoConfigurations() {
    assertThat(configurations().find(newScope())).isEmpty();
  }

  @Test
  void save_thenFind_returnsEveryTypeAndBothDates() {
    Scope scope = newScope();
    EventConfigurations saved =
        new EventConfigurations(
            Map.of(EventType.THING, true, EventType.JOB_EXECUTION, true, EventType.JOB, false),
            CREATED,
            MODIFIED);

    tx(() -> configurations().save(scope, saved));

    EventConfigurations found = configurations().find(scope).orElseThrow();
    assertThat(found).isEqualTo(saved);
    assertThat(found.isEnabled(EventType.THING)).isTrue();
    assertThat(found.isEnabled(EventType.JOB)).isFalse();
    assertThat(found.isEnabled(EventType.CA_CERTIFICATE)).isFalse();
  }

  @Test
  void save_replacesThePreviousConfigurations() {
    Scope scope = newScope();
    configurations()
        .save(scope, new EventConfigurations(Map.of(EventType.THING, true), CREATED, CREATED));
    EventConfigurations next =
        new EventConfigurations(
            Map.of(EventType.THING, false, EventType.POLICY, true), CREATED, MODIFIED);

    configurations().save(scope, next);

    assertThat(configurations().find(scope)).contains(next);
  }

  @Test
  void save_ofTheDefaults_isKeptAsIs() {
    Scope scope = newScope();

    configurations().save(scope, EventConfigurations.DEFAULT);

    assertThat(configurations().find(scope)).contains(EventConfigurations.DEFAULT);
  }

  @Test
  void scopes_keepTheirConfigurationsApart() {
    Scope one = newScope();
    Scope otherRegion = Scope.of(one.account().value(), "us-east-1");
    configurations()
        .save(one, new EventConfigurations(Map.of(EventType.THING, true), CREATED, CREATED));

    assertThat(configurations().find(otherRegion)).isEmpty();
    assertThat(configurations().find(newScope())).isEmpty();
  }
}
