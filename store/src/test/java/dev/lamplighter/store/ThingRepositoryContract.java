package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.registry.spi.ThingRepository}. */
abstract class ThingRepositoryContract extends ContractSupport {

  @Test
  void insert_thenFind_returnsTheSameThing() {
    Scope scope = newScope();
    Thing thing =
        new Thing(
            "lamp-1",
            "0b5e7c1e-3f4d-4c55-9a8e-2f9c1b7d6a01",
            "streetlight",
            Map.of("zone", "north", "floor", "3"),
            4,
            "billing-a",
            Instant.parse("2026-01-01T10:15:30.123456789Z"),
            Instant.parse("2026-02-01T00:00:00Z"));

    tx(() -> things().insert(scope, thing));

    assertThat(things().find(scope, "lamp-1")).contains(thing);
  }

  @Test
  void insert_withoutTypeOrAttributes_isFoundAsItWasStored() {
    Scope scope = newScope();
    Thing bare = thing("bare", Map.of());

    tx(() -> things().insert(scope, bare));

    assertThat(things().find(scope, "bare")).contains(bare);
  }

  @Test
  void find_ofUnknownName_isEmpty() {
    assertThat(things().find(newScope(), "nothing-here")).isEmpty();
  }

  @Test
  void insert_withTakenName_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    Thing first = thing("lamp-1", Map.of("zone", "north"));
    tx(() -> things().insert(scope, first));

    assertThatThrownBy(() -> tx(() -> things().insert(scope, thing("lamp-1", Map.of()))))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("lamp-1");
    assertThat(things().find(scope, "lamp-1")).contains(first);
  }

  @Test
  void insert_withTakenName_leavesTheTransactionUsable() {
    Scope scope = newScope();
    tx(() -> things().insert(scope, thing("lamp-1", Map.of())));

    tx(
        () -> {
          assertThatThrownBy(() -> things().insert(scope, thing("lamp-1", Map.of())))
              .isInstanceOf(ServiceException.class);
          things().insert(scope, thing("lamp-2", Map.of()));
        });

    assertThat(things().find(scope, "lamp-2")).isPresent();
  }

  @Test
  void update_withCurrentVersion_replacesTheThingAndWhatFiltersSee() {
    Scope scope = newScope();
    Thing v1 = thing("lamp-1", Map.of("zone", "north"));
    tx(() -> things().insert(scope, v1));
    clock().advance(Duration.ofMinutes(1));
    Thing v2 = nextVersion(v1, Map.of("zone", "south", "floor", "2"));

    boolean updated = tx(() -> things().update(scope, v2, 1));

    assertThat(updated).isTrue();
    assertThat(things().find(scope, "lamp-1")).contains(v2);
    assertThat(listNames(scope, attribute("zone", "north"))).isEmpty();
    assertThat(listNames(scope, attribute("zone", "south"))).containsExactly("lamp-1");
    assertThat(listNames(scope, attribute("floor", "2"))).containsExactly("lamp-1");
  }

  @Test
  void update_withStaleVersion_writesNothing() {
    Scope scope = newScope();
    Thing v1 = thing("lamp-1", Map.of("zone", "north"));
    tx(() -> things().insert(scope, v1));
    Thing v2 = nextVersion(v1, Map.of("zone", "south"));
    tx(() -> things().update(scope, v2, 1));
    Thing lostUpdate = nextVersion(v1, Map.of("zone", "east"));

    boolean updated = tx(() -> things().update(scope, lostUpdate, 1));

    assertThat(updated).isFalse();
    assertThat(things().find(scope, "lamp-1")).contains(v2);
    assertThat(listNames(scope, attribute("zone", "east"))).isEmpty();
    assertThat(listNames(scope, attribute("zone", "south"))).containsExactly("lamp-1");
  }

  @Test
  void update_ofMissingThing_returnsFalse() {
    Scope scope = newScope();

    assertThat(tx(() -> things().update(scope, thing("ghost", Map.of("a", "b")), 1))).isFalse();
    assertThat(things().find(scope, "ghost")).isEmpty();
    assertThat(listNames(scope, attribute("a", "b"))).isEmpty();
  }

  @Test
  void delete_withCurrentVersion_removesTheThingAndItsAttributes() {
    Scope scope = newScope();
    tx(() -> things().insert(scope, thing("lamp-1", Map.of("zone", "north"))));

    boolean deleted = tx(() -> things().delete(scope, "lamp-1", 1));

    assertThat(deleted).isTrue();
    assertThat(things().find(scope, "lamp-1")).isEmpty();
    assertThat(listNames(scope, attribute("zone", "north"))).isEmpty();
    Thing reborn = thing("lamp-1", Map.of("zone", "west"));
    tx(() -> things().insert(scope, reborn));
    assertThat(things().find(scope, "lamp-1")).contains(reborn);
    assertThat(listNames(scope, attribute("zone", "west"))).containsExactly("lamp-1");
  }

  @Test
  void delete_withStaleVersion_keepsTheThing() {
    Scope scope = newScope();
    Thing v1 = thing("lamp-1", Map.of("zone", "north"));
    tx(() -> things().insert(scope, v1));

    assertThat(tx(() -> things().delete(scope, "lamp-1", 7))).isFalse();
    assertThat(things().find(scope, "lamp-1")).contains(v1);
    assertThat(listNames(scope, attribute("zone", "north"))).containsExactly("lamp-1");
  }

  @Test
  void delete_ofMissingThing_returnsFalse() {
    assertThat(tx(() -> things().delete(newScope(), "ghost", 1))).isFalse();
  }

  @Test
  void list_ordersNamesByTheirBytes() {
    Scope scope = newScope();
    List<String> inserted =
        List.of("lamp_1", "Lamp", "lamp", "0lamp", "lamp:1", "_lamp", "LAMP", "lamp-2");
    tx(() -> inserted.forEach(name -> things().insert(scope, thing(name, Map.of()))));

    assertThat(listNames(scope, ThingQuery.all()))
        .containsExactly("0lamp", "LAMP", "Lamp", "_lamp", "lamp", "lamp-2", "lamp:1", "lamp_1");
  }

  @Test
  void list_pagesByKeyset_visitingEveryThingOnce() {
    Scope scope = newScope();
    tx(
        () -> {
          for (int i = 7; i >= 1; i--) {
            things().insert(scope, thing("lamp-" + i, Map.of()));
          }
        });

    List<List<String>> pages = new ArrayList<>();
    String after = null;
    do {
      List<String> page = names(things().list(scope, ThingQuery.all(), after, 3));
      pages.add(page);
      after = page.size() < 3 ? null : page.get(page.size() - 1);
    } while (after != null);

    assertThat(pages)
        .containsExactly(
            List.of("lamp-1", "lamp-2", "lamp-3"),
            List.of("lamp-4", "lamp-5", "lamp-6"),
            List.of("lamp-7"));
  }

  @Test
  void list_afterADeletedName_resumesAtTheNextName() {
    Scope scope = newScope();
    tx(() -> List.of("a", "b", "c", "d").forEach(n -> things().insert(scope, thing(n, Map.of()))));
    List<String> first = names(things().list(scope, ThingQuery.all(), null, 2));
    tx(() -> things().delete(scope, "b", 1));

    assertThat(first).containsExactly("a", "b");
    assertThat(names(things().list(scope, ThingQuery.all(), "b", 2))).containsExactly("c", "d");
  }

  @Test
  void list_byType_returnsOnlyThingsOfThatType_inPages() {
    Scope scope = newScope();
    tx(
        () -> {
          things().insert(scope, thing("a", "streetlight", Map.of()));
          things().insert(scope, thing("b", "sensor", Map.of()));
          things().insert(scope, thing("c", "streetlight", Map.of()));
          things().insert(scope, thing("d", null, Map.of()));
          things().insert(scope, thing("e", "streetlight", Map.of()));
        });

    assertThat(names(things().list(scope, ThingQuery.ofType("streetlight"), null, 2)))
        .containsExactly("a", "c");
    assertThat(names(things().list(scope, ThingQuery.ofType("streetlight"), "c", 2)))
        .containsExactly("e");
    assertThat(listNames(scope, ThingQuery.ofType("unknown"))).isEmpty();
  }

  @Test
  void list_byExactAttributeValue_matchesWholeValuesOnly() {
    Scope scope = newScope();
    insertZones(scope);

    assertThat(listNames(scope, attribute("zone", "north"))).containsExactly("a", "d");
    assertThat(listNames(scope, attribute("zone", "nort"))).isEmpty();
    assertThat(listNames(scope, attribute("colour", "north"))).isEmpty();
  }

  @Test
  void list_byAttributeValuePrefix_matchesValuesStartingWithIt() {
    Scope scope = newScope();
    insertZones(scope);

    assertThat(listNames(scope, attributePrefix("zone", "north"))).containsExactly("a", "b", "d");
    assertThat(listNames(scope, attributePrefix("zone", "nort"))).containsExactly("a", "b", "d");
    assertThat(listNames(scope, attributePrefix("zone", "no"))).containsExactly("a", "b", "d", "f");
    assertThat(listNames(scope, attributePrefix("zone", "North"))).isEmpty();
    assertThat(listNames(scope, attributePrefix("zone", ""))).hasSize(6);
  }

  @Test
  void list_byAttributeValuePrefix_returnsNameOrder_inPages() {
    Scope scope = newScope();
    insertZones(scope);

    assertThat(names(things().list(scope, attributePrefix("zone", "north"), null, 2)))
        .containsExactly("a", "b");
    assertThat(names(things().list(scope, attributePrefix("zone", "north"), "b", 2)))
        .containsExactly("d");
  }

  @Test
  void list_byAttributeNameOnly_returnsThingsThatHaveTheAttribute() {
    Scope scope = newScope();
    insertZones(scope);

    assertThat(listNames(scope, new ThingQuery(null, "zone", null, false)))
        .containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(listNames(scope, new ThingQuery(null, "floor", null, false)))
        .containsExactly("b", "g");
  }

  @Test
  void list_byAttributeAndType_appliesBoth() {
    Scope scope = newScope();
    tx(
        () -> {
          things().insert(scope, thing("a", "streetlight", Map.of("zone", "north")));
          things().insert(scope, thing("b", "sensor", Map.of("zone", "north")));
          things().insert(scope, thing("c", "streetlight", Map.of("zone", "south")));
          things().insert(scope, thing("d", "streetlight", Map.of("zone", "northeast")));
        });

    assertThat(listNames(scope, new ThingQuery("streetlight", "zone", "north", false)))
        .containsExactly("a");
    assertThat(listNames(scope, new ThingQuery("streetlight", "zone", "north", true)))
        .containsExactly("a", "d");
  }

  @Test
  void list_byExactAttributeValue_pagesByKeyset() {
    Scope scope = newScope();
    tx(
        () -> {
          for (int i = 1; i <= 5; i++) {
            things().insert(scope, thing("lamp-" + i, Map.of("zone", "north")));
          }
        });

    assertThat(names(things().list(scope, attribute("zone", "north"), "lamp-2", 2)))
        .containsExactly("lamp-3", "lamp-4");
  }

  @Test
  void existsWithType_followsTheThingsOfThatType() {
    Scope scope = newScope();
    assertThat(things().existsWithType(scope, "streetlight")).isFalse();

    Thing lamp = thing("lamp-1", "streetlight", Map.of());
    tx(() -> things().insert(scope, lamp));
    assertThat(things().existsWithType(scope, "streetlight")).isTrue();
    assertThat(things().existsWithType(scope, "sensor")).isFalse();

    tx(() -> things().update(scope, withType(lamp, null), 1));
    assertThat(things().existsWithType(scope, "streetlight")).isFalse();
  }

  @Test
  void scopes_keepThingsApart() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    Thing myLamp = thing("lamp", "streetlight", Map.of("zone", "north"));
    tx(
        () -> {
          things().insert(mine, myLamp);
          things().insert(otherRegion, thing("lamp", null, Map.of("zone", "south")));
        });

    assertThat(things().find(otherAccount, "lamp")).isEmpty();
    assertThat(listNames(otherAccount, ThingQuery.all())).isEmpty();
    assertThat(listNames(otherAccount, attribute("zone", "north"))).isEmpty();
    assertThat(things().existsWithType(otherAccount, "streetlight")).isFalse();
    assertThat(things().existsWithType(otherRegion, "streetlight")).isFalse();
    assertThat(listNames(otherRegion, attribute("zone", "north"))).isEmpty();
    assertThat(tx(() -> things().delete(otherAccount, "lamp", 1))).isFalse();
    assertThat(tx(() -> things().update(otherAccount, nextVersion(myLamp, Map.of()), 1))).isFalse();
    assertThat(tx(() -> things().delete(otherRegion, "lamp", 1))).isTrue();
    assertThat(things().find(mine, "lamp")).contains(myLamp);
    assertThat(listNames(mine, attribute("zone", "north"))).containsExactly("lamp");
  }

  /** a, d: north; b: northeast; c: south; e: east; f: no-zone; g: no zone attribute. */
  private void insertZones(Scope scope) {
    tx(
        () -> {
          things().insert(scope, thing("g", Map.of("floor", "1")));
          things().insert(scope, thing("f", Map.of("zone", "no-zone")));
          things().insert(scope, thing("e", Map.of("zone", "east")));
          things().insert(scope, thing("d", Map.of("zone", "north")));
          things().insert(scope, thing("c", Map.of("zone", "south")));
          things().insert(scope, thing("b", Map.of("zone", "northeast", "floor", "2")));
          things().insert(scope, thing("a", Map.of("zone", "north")));
        });
  }
}
