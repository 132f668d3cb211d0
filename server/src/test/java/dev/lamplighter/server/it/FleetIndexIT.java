package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Bucket;
import software.amazon.awssdk.services.iot.model.DescribeIndexResponse;
import software.amazon.awssdk.services.iot.model.FieldType;
import software.amazon.awssdk.services.iot.model.GetIndexingConfigurationResponse;
import software.amazon.awssdk.services.iot.model.GetPercentilesResponse;
import software.amazon.awssdk.services.iot.model.IndexStatus;
import software.amazon.awssdk.services.iot.model.InvalidAggregationException;
import software.amazon.awssdk.services.iot.model.InvalidQueryException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.PercentPair;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.SearchIndexResponse;
import software.amazon.awssdk.services.iot.model.Statistics;
import software.amazon.awssdk.services.iot.model.ThingDocument;
import software.amazon.awssdk.services.iot.model.ThingGroupDocument;
import software.amazon.awssdk.services.iot.model.ThingGroupIndexingMode;
import software.amazon.awssdk.services.iot.model.ThingIndexingMode;

/**
 * The fleet index through the AWS SDK for Java v2: a street-light fleet of 40 things in two cities,
 * searched and aggregated as an operator would, with the indexing configuration that shapes it.
 */
class FleetIndexIT {
  private static final Duration SEARCHABLE = Duration.ofSeconds(10);

  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void buildTheFleet() {
    server = TestServer.start();
    iot = server.iot();
    iot.updateIndexingConfiguration(
        b ->
            b.thingIndexingConfiguration(
                    t ->
                        t.thingIndexingMode(ThingIndexingMode.REGISTRY)
                            .thingConnectivityIndexingMode("STATUS")
                            .customFields(f -> f.name("attributes.wattage").type(FieldType.NUMBER)))
                .thingGroupIndexingConfiguration(
                    g -> g.thingGroupIndexingMode(ThingGroupIndexingMode.ON)));
    iot.createThingType(b -> b.thingTypeName("StreetLight"));
    iot.createThingGroup(b -> b.thingGroupName("Italy"));
    iot.createThingGroup(
        b ->
            b.thingGroupName("Turin")
                .parentGroupName("Italy")
                .thingGroupProperties(p -> p.thingGroupDescription("City of Turin")));
    for (int i = 0; i < 40; i++) {
      String name = String.format("light-%02d", i);
      String city = i < 30 ? "Turin" : "Milan";
      String firmware = i % 4 == 0 ? "1.4.2" : "2.1.0";
      int wattage = 10 * (i % 5 + 1);
      iot.createThing(
          b ->
              b.thingName(name)
                  .thingTypeName("StreetLight")
                  .attributePayload(
                      a ->
                          a.attributes(
                              Map.of(
                                  "city", city,
                                  "firmware", firmware,
                                  "wattage", Integer.toString(wattage)))));
      if (city.equals("Turin")) {
        iot.addThingToThingGroup(b -> b.thingGroupName("Turin").thingName(name));
      }
    }
    await()
        .atMost(SEARCHABLE)
        .until(() -> count("thingGroupNames:Turin AND attributes.city:Turin") == 30);
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void search_findsThingsByAttribute_withAwsThingDocuments() {
    SearchIndexResponse response =
        iot.searchIndex(b -> b.queryString("attributes.firmware:1.4.2 AND attributes.city:Turin"));

    // AWS answers both arrays, the one of the other index empty.
    assertThat(response.hasThings()).isTrue();
    assertThat(response.hasThingGroups()).isTrue();
    assertThat(response.thingGroups()).isEmpty();
    assertThat(response.things())
        .extracting(ThingDocument::thingName)
        .containsExactly(
            "light-00",
            "light-04",
            "light-08",
            "light-12",
            "light-16",
            "light-20",
            "light-24",
            "light-28");
    ThingDocument first = response.things().get(0);
    assertThat(first.thingTypeName()).isEqualTo("StreetLight");
    assertThat(first.thingId()).isNotBlank();
    assertThat(first.attributes()).containsEntry("city", "Turin").containsEntry("wattage", "10");
    assertThat(first.thingGroupNames()).containsExactly("Turin");
    assertThat(response.nextToken()).isNull();
  }

  @Test
  void search_coversWildcardsRangesBooleansAndNegation() {
    assertThat(names("thingName:light-3*")).hasSize(10);
    assertThat(names("attributes.wattage >= 40 AND attributes.city:Milan"))
        .containsExactly("light-33", "light-34", "light-38", "light-39");
    assertThat(names("attributes.wattage:[20 TO 30] AND thingName:light-0?"))
        .containsExactly("light-01", "light-02", "light-06", "light-07");
    assertThat(names("NOT attributes.city:Turin AND attributes.firmware:1.4.2"))
        .containsExactly("light-32", "light-36");
    assertThat(names("(attributes.city:Milan OR thingName:light-00) AND attributes.wattage < 20"))
        .containsExactly("light-00", "light-30", "light-35");
  }

  @Test
  void search_pagesThroughTheFleetInNameOrder() {
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      SearchIndexResponse page =
          iot.searchIndex(
              b -> b.queryString("thingTypeName:StreetLight").maxResults(15).nextToken(next));
      page.things().forEach(t -> seen.add(t.thingName()));
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(40).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void search_ofThingGroups_returnsGroupDocuments() {
    SearchIndexResponse response =
        iot.searchIndex(b -> b.indexName("AWS_ThingGroups").queryString("parentGroupNames:Italy"));

    assertThat(response.hasThings()).isTrue();
    assertThat(response.things()).isEmpty();
    assertThat(response.thingGroups()).hasSize(1);
    ThingGroupDocument turin = response.thingGroups().get(0);
    assertThat(turin.thingGroupName()).isEqualTo("Turin");
    assertThat(turin.thingGroupDescription()).isEqualTo("City of Turin");
    assertThat(turin.parentGroupNames()).containsExactly("Italy");
  }

  @Test
  void updateThing_isSearchableSoonAfter() {
    iot.createThing(
        b ->
            b.thingName("moved-light").attributePayload(a -> a.attributes(Map.of("city", "Asti"))));
    await().atMost(SEARCHABLE).until(() -> names("attributes.city:Asti").contains("moved-light"));

    iot.updateThing(
        b ->
            b.thingName("moved-light")
                .attributePayload(a -> a.attributes(Map.of("city", "Alba")).merge(true)));

    await().atMost(SEARCHABLE).until(() -> names("attributes.city:Alba").contains("moved-light"));
    assertThat(names("attributes.city:Asti")).isEmpty();

    iot.deleteThing(b -> b.thingName("moved-light"));
    await().atMost(SEARCHABLE).until(() -> names("attributes.city:Alba").isEmpty());
  }

  @Test
  void deletingAGroup_takesItOutOfItsMembersDocuments() {
    iot.createThingGroup(b -> b.thingGroupName("night-shift"));
    iot.addThingToThingGroup(b -> b.thingGroupName("night-shift").thingName("light-39"));
    await()
        .atMost(SEARCHABLE)
        .until(() -> names("thingGroupNames:night-shift").equals(List.of("light-39")));

    iot.deleteThingGroup(b -> b.thingGroupName("night-shift"));

    await().atMost(SEARCHABLE).until(() -> names("thingGroupNames:night-shift").isEmpty());
    assertThat(
            iot.searchIndex(b -> b.queryString("thingName:light-39"))
                .things()
                .get(0)
                .thingGroupNames())
        .isEmpty();
  }

  @Test
  void statistics_overANumericCustomField() {
    Statistics stats =
        iot.getStatistics(
                b -> b.queryString("attributes.city:Milan").aggregationField("attributes.wattage"))
            .statistics();

    // light-30..39: wattage 10,20,30,40,50 twice.
    assertThat(stats.count()).isEqualTo(10);
    assertThat(stats.sum()).isEqualTo(300.0);
    assertThat(stats.average()).isEqualTo(30.0);
    assertThat(stats.minimum()).isEqualTo(10.0);
    assertThat(stats.maximum()).isEqualTo(50.0);
    assertThat(stats.sumOfSquares()).isEqualTo(11000.0);
    assertThat(stats.variance()).isEqualTo(200.0);
    assertThat(stats.stdDeviation()).isCloseTo(14.142, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void statisticsWithoutAField_countTheMatchingThings() {
    Statistics stats = iot.getStatistics(b -> b.queryString("attributes.city:Milan")).statistics();

    assertThat(stats.count()).isEqualTo(10);
    assertThat(stats.average()).isNull();
  }

  @Test
  void cardinalityPercentilesAndBuckets() {
    long cardinality =
        iot.getCardinality(
                b ->
                    b.queryString("thingTypeName:StreetLight")
                        .aggregationField("attributes.firmware"))
            .cardinality();
    assertThat(cardinality).isEqualTo(2);

    GetPercentilesResponse percentiles =
        iot.getPercentiles(
            b ->
                b.queryString("thingTypeName:StreetLight")
                    .aggregationField("attributes.wattage")
                    .percents(50.0, 99.0));
    assertThat(percentiles.percentiles())
        .extracting(PercentPair::percent)
        .containsExactly(50.0, 99.0);
    assertThat(percentiles.percentiles().get(0).value()).isEqualTo(30.0);

    var buckets =
        iot.getBucketsAggregation(
            b ->
                b.queryString("thingTypeName:StreetLight")
                    .aggregationField("attributes.city")
                    .bucketsAggregationType(t -> t.termsAggregation(a -> a.maxBuckets(5))));
    assertThat(buckets.totalCount()).isEqualTo(40);
    assertThat(buckets.buckets())
        .extracting(Bucket::keyValue, Bucket::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Turin", 30),
            org.assertj.core.groups.Tuple.tuple("Milan", 10));
  }

  @Test
  void indexingConfiguration_isReadBackWithManagedAndCustomFields() {
    GetIndexingConfigurationResponse configuration = iot.getIndexingConfiguration();

    var things = configuration.thingIndexingConfiguration();
    assertThat(things.thingIndexingMode()).isEqualTo(ThingIndexingMode.REGISTRY);
    assertThat(things.thingConnectivityIndexingModeAsString()).isEqualTo("STATUS");
    assertThat(things.customFields())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.name()).isEqualTo("attributes.wattage");
              assertThat(f.type()).isEqualTo(FieldType.NUMBER);
            });
    assertThat(things.managedFields())
        .extracting(f -> f.name())
        .contains("thingName", "thingId", "connectivity.connected");
    assertThat(configuration.thingGroupIndexingConfiguration().thingGroupIndexingMode())
        .isEqualTo(ThingGroupIndexingMode.ON);
  }

  @Test
  void describeAndListIndices() {
    DescribeIndexResponse things = iot.describeIndex(b -> b.indexName("AWS_Things"));
    assertThat(things.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(things.schema()).isEqualTo("REGISTRY_AND_CONNECTIVITY_STATUS");
    assertThat(iot.describeIndex(b -> b.indexName("AWS_ThingGroups")).schema())
        .isEqualTo("THING_GROUPS");
    assertThat(iot.listIndices().indexNames()).containsExactly("AWS_ThingGroups", "AWS_Things");
    assertThatThrownBy(() -> iot.describeIndex(b -> b.indexName("My_Index")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void badQueries_getInvalidQueryException_andTheIndexKeepsServing() {
    for (String query :
        List.of(
            "(attributes.city:Turin",
            "attributes.city:Turin AND",
            "nosuchfield:x",
            "attributes.wattage:[ten TO 20]",
            "attributes.city:\"unterminated",
            "x".repeat(5000))) {
      assertThatThrownBy(() -> iot.searchIndex(b -> b.queryString(query)))
          .as(query)
          .isInstanceOf(InvalidQueryException.class)
          .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }
    assertThat(count("thingTypeName:StreetLight")).isEqualTo(40);
  }

  @Test
  void aggregationsOnUnaggregatableFields_areRefused() {
    assertThatThrownBy(
            () ->
                iot.getPercentiles(
                    b ->
                        b.queryString("thingTypeName:StreetLight")
                            .aggregationField("attributes.city")))
        .isInstanceOf(InvalidAggregationException.class)
        .hasMessageContaining("attributes.city");
    assertThatThrownBy(
            () ->
                iot.getStatistics(
                    b ->
                        b.queryString("thingTypeName:StreetLight").aggregationField("nosuchfield")))
        .isInstanceOf(InvalidAggregationException.class);
  }

  @Test
  void unknownIndex_isNotFound() {
    assertThatThrownBy(
            () -> iot.searchIndex(b -> b.indexName("My_Index").queryString("thingName:a")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("My_Index");
  }

  @Test
  void connectivityWithoutThingIndexing_isRefused_andNothingChanges() {
    assertThatThrownBy(
            () ->
                iot.updateIndexingConfiguration(
                    b ->
                        b.thingIndexingConfiguration(
                            t ->
                                t.thingIndexingMode(ThingIndexingMode.OFF)
                                    .thingConnectivityIndexingMode("STATUS"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(iot.getIndexingConfiguration().thingIndexingConfiguration().thingIndexingMode())
        .isEqualTo(ThingIndexingMode.REGISTRY);
  }

  private static List<String> names(String query) {
    return iot.searchIndex(b -> b.queryString(query)).things().stream()
        .map(ThingDocument::thingName)
        .toList();
  }

  private static int count(String query) {
    return names(query).size();
  }
}
