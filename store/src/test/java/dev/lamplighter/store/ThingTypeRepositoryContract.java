package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.PropagatingAttribute;
import dev.lamplighter.registry.ThingType;
import dev.lamplighter.registry.spi.ThingTypeRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link ThingTypeRepository}. */
abstract class ThingTypeRepositoryContract extends ContractSupport {

  private ThingTypeRepository types() {
    return store().registryPorts().thingTypes();
  }

  private ThingType type(String name) {
    return new ThingType(
        name, "type-id-" + name, null, List.of(), List.of(), null, clock().instant());
  }

  private List<String> typeNames(Scope scope, String name, String after, int limit) {
    return types().list(scope, name, after, limit).stream().map(ThingType::name).toList();
  }

  @Test
  void insert_thenFind_returnsTheSameType() {
    Scope scope = newScope();
    ThingType type =
        new ThingType(
            "streetlight",
            "5d3c1b2a-0000-4000-8000-000000000001",
            "Lamps on poles",
            List.of("zone", "floor"),
            List.of(
                new PropagatingAttribute("serial", "serialNumber", null),
                new PropagatingAttribute("client", null, "iot:ClientId")),
            null,
            Instant.parse("2026-01-01T00:00:00.5Z"));

    tx(() -> types().insert(scope, type));

    assertThat(types().find(scope, "streetlight")).contains(type);
  }

  @Test
  void find_ofUnknownName_isEmpty() {
    assertThat(types().find(newScope(), "nothing")).isEmpty();
  }

  @Test
  void insert_withTakenName_failsWithResourceAlreadyExists() {
    Scope scope = newScope();
    ThingType first = type("streetlight");
    tx(() -> types().insert(scope, first));

    assertThatThrownBy(
            () -> tx(() -> types().insert(scope, first.withDeprecatedAt(clock().instant()))))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("streetlight");
    assertThat(types().find(scope, "streetlight")).contains(first);
  }

  @Test
  void update_replacesTheStoredType() {
    Scope scope = newScope();
    ThingType type = type("streetlight");
    tx(() -> types().insert(scope, type));
    ThingType deprecated =
        type.withDeprecatedAt(Instant.parse("2026-03-01T12:00:00Z"))
            .withPropagatingAttributes(List.of(new PropagatingAttribute("k", "a", null)));

    assertThat(tx(() -> types().update(scope, deprecated))).isTrue();
    assertThat(types().find(scope, "streetlight")).contains(deprecated);
  }

  @Test
  void update_ofMissingType_returnsFalse() {
    Scope scope = newScope();

    assertThat(tx(() -> types().update(scope, type("ghost")))).isFalse();
    assertThat(types().find(scope, "ghost")).isEmpty();
  }

  @Test
  void delete_removesTheType_once() {
    Scope scope = newScope();
    tx(() -> types().insert(scope, type("streetlight")));

    assertThat(tx(() -> types().delete(scope, "streetlight"))).isTrue();
    assertThat(types().find(scope, "streetlight")).isEmpty();
    assertThat(tx(() -> types().delete(scope, "streetlight"))).isFalse();
  }

  @Test
  void list_ordersByNameBytes_andPagesByKeyset() {
    Scope scope = newScope();
    tx(
        () ->
            List.of("sensor", "Sensor", "_meter", "lamp", "LAMP")
                .forEach(name -> types().insert(scope, type(name))));

    assertThat(typeNames(scope, null, null, 2)).containsExactly("LAMP", "Sensor");
    assertThat(typeNames(scope, null, "Sensor", 2)).containsExactly("_meter", "lamp");
    assertThat(typeNames(scope, null, "lamp", 2)).containsExactly("sensor");
  }

  @Test
  void list_byName_returnsOnlyThatType() {
    Scope scope = newScope();
    tx(() -> List.of("lamp", "lamp-2").forEach(name -> types().insert(scope, type(name))));

    assertThat(typeNames(scope, "lamp", null, 10)).containsExactly("lamp");
    assertThat(typeNames(scope, "lam", null, 10)).isEmpty();
  }

  @Test
  void scopes_keepTypesApart() {
    Scope mine = newScope();
    Scope other = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "ap-southeast-2");
    ThingType lamp = type("lamp");
    tx(() -> types().insert(mine, lamp));

    assertThat(types().find(other, "lamp")).isEmpty();
    assertThat(types().find(otherRegion, "lamp")).isEmpty();
    assertThat(typeNames(other, null, null, 10)).isEmpty();
    assertThat(tx(() -> types().update(other, lamp.withDeprecatedAt(Instant.EPOCH)))).isFalse();
    assertThat(tx(() -> types().delete(otherRegion, "lamp"))).isFalse();
    tx(() -> types().insert(other, lamp));
    assertThat(types().find(mine, "lamp")).contains(lamp);
  }
}
