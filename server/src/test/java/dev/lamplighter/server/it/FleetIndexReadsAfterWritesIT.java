package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Bucket;
import software.amazon.awssdk.services.iot.model.FieldType;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.PercentPair;
import software.amazon.awssdk.services.iot.model.ThingDocument;
import software.amazon.awssdk.services.iot.model.ThingIndexingMode;

/**
 * A script that writes and then reads from the fleet index finds its writes at once, without
 * polling: searches, aggregations and dynamic groups' listings wait for the index to take in the
 * writes committed before them (AWS's index is only eventually consistent). Each step is repeated
 * so that, with the wait off ({@code --index-read-wait 0}), a read that overtakes the index is all
 * but certain.
 */
class FleetIndexReadsAfterWritesIT {
  private static final int ROUNDS = 50;

  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iot = server.iot();
    iot.updateIndexingConfiguration(
        b ->
            b.thingIndexingConfiguration(
                t ->
                    t.thingIndexingMode(ThingIndexingMode.REGISTRY)
                        .customFields(f -> f.name("attributes.n").type(FieldType.NUMBER))));
    iot.createDynamicThingGroup(b -> b.thingGroupName("hot").queryString("attributes.hot:yes"));
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void createdThing_isFoundCountedAndAggregated_rightAway() {
    for (int i = 0; i < ROUNDS; i++) {
      String name = "fresh-" + i;
      String n = Integer.toString(i);
      iot.createThing(
          b -> b.thingName(name).attributePayload(p -> p.attributes(Map.of("n", n, "hot", "no"))));

      assertThat(iot.searchIndex(b -> b.queryString("thingName:" + name)).things())
          .extracting(ThingDocument::thingName)
          .containsExactly(name);
      assertThat(
              iot.getStatistics(
                      b -> b.queryString("thingName:fresh-*").aggregationField("attributes.n"))
                  .statistics()
                  .count())
          .isEqualTo(i + 1);
      assertThat(
              iot.getCardinality(b -> b.queryString("attributes.n:*").aggregationField("thingName"))
                  .cardinality())
          .isEqualTo(i + 1);
      assertThat(
              iot.getPercentiles(
                      b ->
                          b.queryString("thingName:" + name)
                              .aggregationField("attributes.n")
                              .percents(50.0))
                  .percentiles())
          .extracting(PercentPair::value)
          .containsExactly((double) i);
      assertThat(
              iot.getBucketsAggregation(
                      b ->
                          b.queryString("thingName:" + name)
                              .aggregationField("attributes.hot")
                              .bucketsAggregationType(
                                  t -> t.termsAggregation(a -> a.maxBuckets(5))))
                  .buckets())
          .extracting(Bucket::keyValue, Bucket::count)
          .containsExactly(tuple("no", 1));
    }
  }

  @Test
  void updatedAttributes_areSearchable_andJoinTheDynamicGroup_rightAway() {
    for (int i = 0; i < ROUNDS; i++) {
      String name = "warming-" + i;
      String note = "note-" + i;
      iot.createThing(
          b -> b.thingName(name).attributePayload(p -> p.attributes(Map.of("hot", "no"))));
      iot.updateThing(
          b ->
              b.thingName(name)
                  .attributePayload(
                      p -> p.attributes(Map.of("hot", "yes", "note", note)).merge(true)));

      assertThat(iot.searchIndex(b -> b.queryString("attributes.note:" + note)).things())
          .extracting(ThingDocument::thingName)
          .containsExactly(name);
      assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("hot").maxResults(250)).things())
          .contains(name);
      assertThat(iot.listThingGroupsForThing(b -> b.thingName(name)).thingGroups())
          .extracting(GroupNameAndArn::groupName)
          .containsExactly("hot");
    }
  }
}
