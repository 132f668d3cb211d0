package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.Bucket;
import dev.lamplighter.index.FleetIndex;
import dev.lamplighter.index.FleetIndexSettings;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexQuery;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfiguration.ConnectivityIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.GroupIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.ThingIndexingMode;
import dev.lamplighter.index.Statistics;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.RegistryConfig;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.ShadowService;
import dev.lamplighter.shadow.Shadows;
import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.SequentialIdSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet index following shadows on a real SQLite store: shadows written through the shadow
 * service become searchable and aggregatable shadow fields, leave the index when deleted, drive
 * dynamic thing groups, and are indexed only as the scope's indexing configuration says.
 */
class FleetIndexShadowsTest {
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  private static final Duration SEARCHABLE = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Store store;
  private Registry registry;
  private ShadowService shadows;
  private FleetIndex index;

  @BeforeEach
  void open() {
    MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    store = Store.open(StoreConfig.sqlite(dir.resolve("store.db")), clock);
    registry =
        Registry.create(
            store.registryPorts(), clock, new SequentialIdSource(), RegistryConfig.defaults());
    shadows = Shadows.create(store.shadowPorts(), registry, clock);
    index =
        FleetIndex.open(
            dir.resolve("index"),
            store.indexPorts(),
            registry,
            shadows,
            new FleetIndexSettings(Duration.ofMillis(10), Duration.ofSeconds(1)));
    index.start();
  }

  @AfterEach
  void close() {
    index.close();
    store.close();
  }

  @Test
  void aShadowUpdate_isSearchable_andADeleteTakesItOut() {
    configure(ThingIndexingMode.REGISTRY_AND_SHADOW, "OFF", List.of(), List.of());
    things("lamp-1", "lamp-2");
    report("lamp-1", null, "{\"wattage\":75,\"mode\":\"eco\"}");
    report("lamp-2", null, "{\"wattage\":40}");

    awaitNames("shadow.reported.wattage > 60", "lamp-1");
    report("lamp-2", null, "{\"wattage\":90}");
    awaitNames("shadow.reported.wattage > 60", "lamp-1", "lamp-2");
    assertThat(names("shadow.reported.mode:eco AND shadow.version:1")).containsExactly("lamp-1");

    shadows.delete(SCOPE, ShadowId.classic("lamp-1"), null);
    awaitNames("shadow.reported.wattage > 60", "lamp-2");
    assertThat(document("lamp-1").shadow()).isNull();
    assertThat(document("lamp-2").shadow())
        .contains("\"reported\":{\"wattage\":90}")
        .contains("\"version\":2");
  }

  @Test
  void registryMode_indexesNoShadow_untilShadowsAreSwitchedOn() {
    things("lamp-1");
    report("lamp-1", null, "{\"wattage\":75}");
    configure(ThingIndexingMode.REGISTRY, "OFF", List.of(), List.of());
    awaitNames("thingName:lamp-1", "lamp-1");

    assertThat(document("lamp-1").shadow()).isNull();
    assertThatThrownBy(() -> names("shadow.reported.wattage > 60"))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));

    // Switching shadows on re-indexes the shadows that already exist.
    configure(ThingIndexingMode.REGISTRY_AND_SHADOW, "OFF", List.of(), List.of());
    awaitNames("shadow.reported.wattage > 60", "lamp-1");
  }

  @Test
  void namedShadows_areIndexedOnlyWhenInTheFilter() {
    configure(ThingIndexingMode.REGISTRY, "ON", List.of("battery"), List.of());
    things("lamp-1");
    report("lamp-1", "battery", "{\"level\":80}");
    report("lamp-1", "secret", "{\"code\":\"x\"}");
    report("lamp-1", null, "{\"wattage\":75}");

    awaitNames("shadow.name.battery.reported.level > 50", "lamp-1");
    assertThat(document("lamp-1").shadow())
        .isEqualTo(
            "{\"name\":{\"battery\":{\"reported\":{\"level\":80},"
                + "\"metadata\":{\"reported\":{\"level\":{\"timestamp\":1772445600}}},"
                + "\"hasDelta\":false,\"version\":1}}}");
    for (String notIndexed : List.of("shadow.name.secret.reported.code:x", "shadow.version:1")) {
      assertThatThrownBy(() -> names(notIndexed))
          .isInstanceOfSatisfying(
              ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
    }
  }

  @Test
  void aggregations_coverShadowFields() {
    configure(
        ThingIndexingMode.REGISTRY_AND_SHADOW,
        "OFF",
        List.of(),
        List.of(new IndexField("shadow.reported.wattage", FieldType.Number)));
    things("lamp-1", "lamp-2", "lamp-3");
    report("lamp-1", null, "{\"wattage\":75,\"mode\":\"eco\"}");
    report("lamp-2", null, "{\"wattage\":45,\"mode\":\"eco\"}");
    report("lamp-3", null, "{\"wattage\":30,\"mode\":\"full\"}");
    awaitNames("shadow.reported.wattage:*", "lamp-1", "lamp-2", "lamp-3");

    Statistics statistics = index.search().statistics(SCOPE, query("*"), "shadow.reported.wattage");
    assertThat(statistics.count()).isEqualTo(3);
    assertThat(statistics.sum()).isEqualTo(150);
    assertThat(statistics.minimum()).isEqualTo(30);
    assertThat(index.search().buckets(SCOPE, query("*"), "shadow.reported.mode", 10).buckets())
        .containsExactly(new Bucket("eco", 2), new Bucket("full", 1));
    assertThat(index.search().cardinality(SCOPE, query("*"), "shadow.reported.mode")).isEqualTo(2);
  }

  @Test
  void aDynamicGroupOnAShadowField_gainsAndLosesMembersAsShadowsChange() {
    configure(ThingIndexingMode.REGISTRY_AND_SHADOW, "OFF", List.of(), List.of());
    things("lamp-1", "lamp-2");
    index
        .dynamicThingGroups()
        .create(
            SCOPE,
            new NewDynamicThingGroup(
                "bright",
                null,
                Map.of(),
                List.of(),
                IndexQuery.THINGS,
                "shadow.reported.wattage > 60",
                IndexQuery.QUERY_VERSION));

    report("lamp-1", null, "{\"wattage\":75}");
    report("lamp-2", null, "{\"wattage\":90}");
    awaitGroups("lamp-1", "bright");
    awaitGroups("lamp-2", "bright");

    report("lamp-1", null, "{\"wattage\":30}");
    awaitGroups("lamp-1");
    shadows.delete(SCOPE, ShadowId.classic("lamp-2"), null);
    awaitGroups("lamp-2");
  }

  @Test
  void theNamedShadowFilter_isCheckedAndKept() {
    IndexingConfiguration stored =
        configure(ThingIndexingMode.REGISTRY, "ON", List.of("battery", "$package"), List.of());
    assertThat(index.configurations().get(SCOPE)).isEqualTo(stored);
    assertThat(index.configurations().get(SCOPE).namedShadowNames())
        .containsExactly("battery", "$package");

    assertInvalid(() -> configure(ThingIndexingMode.OFF, "ON", List.of("battery"), List.of()));
    List<String> eleven = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
    assertInvalid(() -> configure(ThingIndexingMode.REGISTRY, "ON", eleven, List.of()));
    assertInvalid(() -> configure(ThingIndexingMode.REGISTRY, "ON", List.of("a", "a"), List.of()));
    assertInvalid(() -> configure(ThingIndexingMode.REGISTRY, "ON", List.of("a b"), List.of()));
    // A custom field may name the value of an indexed shadow only.
    assertInvalid(
        () ->
            configure(
                ThingIndexingMode.REGISTRY,
                "OFF",
                List.of(),
                List.of(new IndexField("shadow.reported.wattage", FieldType.Number))));
    configure(
        ThingIndexingMode.REGISTRY,
        "ON",
        List.of("battery"),
        List.of(new IndexField("shadow.name.battery.reported.level", FieldType.Number)));
  }

  private IndexingConfiguration configure(
      ThingIndexingMode mode,
      String namedShadowMode,
      List<String> namedShadowNames,
      List<IndexField> customFields) {
    return index
        .configurations()
        .update(
            SCOPE,
            current ->
                new IndexingConfiguration(
                    mode,
                    ConnectivityIndexingMode.OFF,
                    "OFF",
                    namedShadowMode,
                    customFields,
                    GroupIndexingMode.OFF,
                    List.of(),
                    namedShadowNames));
  }

  private void things(String... names) {
    for (String name : names) {
      registry.things().create(SCOPE, new NewThing(name, null, Map.of(), null));
    }
  }

  private void report(String thing, String shadowName, String reported) {
    String request = "{\"state\":{\"reported\":" + reported + "}}";
    shadows.update(SCOPE, ShadowId.of(thing, shadowName), request.getBytes(StandardCharsets.UTF_8));
  }

  private static IndexQuery query(String queryString) {
    return new IndexQuery(IndexQuery.THINGS, queryString, IndexQuery.QUERY_VERSION);
  }

  private List<String> names(String queryString) {
    return index
        .search()
        .search(SCOPE, query(queryString), PageRequest.first(100))
        .things()
        .stream()
        .map(ThingIndexDocument::thingName)
        .toList();
  }

  private ThingIndexDocument document(String thingName) {
    return index
        .search()
        .search(SCOPE, query("thingName:" + thingName), PageRequest.first(1))
        .things()
        .get(0);
  }

  private void awaitNames(String queryString, String... expected) {
    awaitEqual(() -> names(queryString), List.of(expected));
  }

  private void awaitGroups(String thing, String... expected) {
    awaitEqual(
        () ->
            registry.thingGroups().listGroupsForThing(SCOPE, thing, PageRequest.first(10)).items(),
        List.of(expected));
  }

  private static <T> void awaitEqual(Supplier<T> actual, T expected) {
    await()
        .atMost(SEARCHABLE)
        .ignoreExceptionsMatching(
            e -> e instanceof ServiceException s && s.code() != ErrorCode.INVALID_QUERY)
        .untilAsserted(() -> assertThat(actual.get()).isEqualTo(expected));
  }

  private static void assertInvalid(Runnable update) {
    assertThatThrownBy(update::run)
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
  }
}
