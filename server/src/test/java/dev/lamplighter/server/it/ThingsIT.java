package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateThingResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** Things through the AWS SDK for Java v2: every operation and rule a user relies on. */
class ThingsIT {
  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iot = server.iot();
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void createThing_returnsArnAndId_andDescribeShowsWhatAwsShows() {
    CreateThingResponse created =
        iot.createThing(
            b ->
                b.thingName("lamp-1")
                    .attributePayload(a -> a.attributes(Map.of("city", "Turin", "watts", "60"))));

    assertThat(created.thingName()).isEqualTo("lamp-1");
    assertThat(created.thingArn()).isEqualTo("arn:aws:iot:eu-west-1:111122223333:thing/lamp-1");
    assertThat(created.thingId()).matches("[0-9a-f-]{36}");

    DescribeThingResponse thing = iot.describeThing(b -> b.thingName("lamp-1"));
    assertThat(thing.thingName()).isEqualTo("lamp-1");
    assertThat(thing.defaultClientId()).isEqualTo("lamp-1");
    assertThat(thing.thingId()).isEqualTo(created.thingId());
    assertThat(thing.thingArn()).isEqualTo(created.thingArn());
    assertThat(thing.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("city", "Turin", "watts", "60"));
    assertThat(thing.version()).isEqualTo(1L);
    assertThat(thing.thingTypeName()).isNull();
  }

  @Test
  void createThing_again_withSameConfiguration_succeeds_withSameId() {
    CreateThingResponse first = iot.createThing(b -> b.thingName("lamp-idem"));
    CreateThingResponse second = iot.createThing(b -> b.thingName("lamp-idem"));

    assertThat(second.thingId()).isEqualTo(first.thingId());
  }

  @Test
  void createThing_again_withOtherAttributes_isResourceAlreadyExists_namingTheThing() {
    CreateThingResponse first = iot.createThing(b -> b.thingName("lamp-dup"));

    assertThatThrownBy(
            () ->
                iot.createThing(
                    b ->
                        b.thingName("lamp-dup")
                            .attributePayload(a -> a.attributes(Map.of("city", "Milan")))))
        .isInstanceOfSatisfying(
            ResourceAlreadyExistsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.resourceId()).isEqualTo(first.thingId());
              assertThat(e.resourceArn()).isEqualTo(first.thingArn());
              assertThat(e.awsErrorDetails().errorMessage()).contains("lamp-dup");
            });
  }

  @Test
  void describeThing_unknown_isResourceNotFound() {
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("nobody")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage()).contains("nobody");
            });
  }

  @Test
  void updateThing_mergesAttributes_removesOnEmptyValue_andBumpsVersion() {
    iot.createThing(
        b ->
            b.thingName("lamp-merge")
                .attributePayload(a -> a.attributes(Map.of("city", "Turin", "watts", "60"))));

    iot.updateThing(
        b ->
            b.thingName("lamp-merge")
                .attributePayload(
                    a ->
                        a.attributes(Map.of("watts", "75", "city", "", "zone", "north"))
                            .merge(true)));

    DescribeThingResponse thing = iot.describeThing(b -> b.thingName("lamp-merge"));
    assertThat(thing.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("watts", "75", "zone", "north"));
    assertThat(thing.version()).isEqualTo(2L);
  }

  @Test
  void updateThing_withoutMerge_replacesAllAttributes() {
    iot.createThing(
        b ->
            b.thingName("lamp-replace")
                .attributePayload(a -> a.attributes(Map.of("city", "Turin", "watts", "60"))));

    iot.updateThing(
        b -> b.thingName("lamp-replace").attributePayload(a -> a.attributes(Map.of("zone", "n"))));

    assertThat(iot.describeThing(b -> b.thingName("lamp-replace")).attributes())
        .containsExactly(Map.entry("zone", "n"));
  }

  @Test
  void updateThing_withStaleExpectedVersion_isVersionConflict_andChangesNothing() {
    iot.createThing(b -> b.thingName("lamp-ver"));
    iot.updateThing(
        b ->
            b.thingName("lamp-ver")
                .expectedVersion(1L)
                .attributePayload(a -> a.attributes(Map.of("a", "1"))));

    assertThatThrownBy(
            () ->
                iot.updateThing(
                    b ->
                        b.thingName("lamp-ver")
                            .expectedVersion(1L)
                            .attributePayload(a -> a.attributes(Map.of("a", "2")))))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    DescribeThingResponse thing = iot.describeThing(b -> b.thingName("lamp-ver"));
    assertThat(thing.attributes()).containsExactly(Map.entry("a", "1"));
    assertThat(thing.version()).isEqualTo(2L);
  }

  @Test
  void deleteThing_withStaleVersion_isVersionConflict_thenDeletes_andIsIdempotent() {
    iot.createThing(b -> b.thingName("lamp-del"));
    iot.updateThing(
        b -> b.thingName("lamp-del").attributePayload(a -> a.attributes(Map.of("a", "1"))));

    assertThatThrownBy(() -> iot.deleteThing(b -> b.thingName("lamp-del").expectedVersion(1L)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(iot.describeThing(b -> b.thingName("lamp-del")).version()).isEqualTo(2L);

    iot.deleteThing(b -> b.thingName("lamp-del").expectedVersion(2L));
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("lamp-del")))
        .isInstanceOf(ResourceNotFoundException.class);
    iot.deleteThing(b -> b.thingName("lamp-del"));
  }

  @Test
  void thingWithoutType_mayHaveThreeAttributes_notFour() {
    Map<String, String> four = Map.of("a", "1", "b", "2", "c", "3", "d", "4");

    assertThatThrownBy(
            () ->
                iot.createThing(
                    b -> b.thingName("lamp-4attrs").attributePayload(a -> a.attributes(four))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("at most 3");
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("lamp-4attrs")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void thingWithType_mayHaveFiftyAttributes() {
    iot.createThingType(b -> b.thingTypeName("WideLamp"));
    Map<String, String> fifty = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("attr" + i, "v" + i);
    }

    iot.createThing(
        b ->
            b.thingName("lamp-50attrs")
                .thingTypeName("WideLamp")
                .attributePayload(a -> a.attributes(fifty)));

    assertThat(iot.describeThing(b -> b.thingName("lamp-50attrs")).attributes()).hasSize(50);
  }

  @Test
  void createThing_withUnknownType_isResourceNotFound_andCreatesNothing() {
    assertThatThrownBy(
            () -> iot.createThing(b -> b.thingName("lamp-nt").thingTypeName("NoSuchType")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("NoSuchType");
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("lamp-nt")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void createThing_inUnknownBillingGroup_isResourceNotFound() {
    assertThatThrownBy(() -> iot.createThing(b -> b.thingName("lamp-bg").billingGroupName("Turin")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Turin");
  }

  @Test
  void updateThing_setsAndRemovesType() {
    iot.createThingType(b -> b.thingTypeName("StreetLight"));
    iot.createThing(b -> b.thingName("lamp-typed"));

    iot.updateThing(b -> b.thingName("lamp-typed").thingTypeName("StreetLight"));
    assertThat(iot.describeThing(b -> b.thingName("lamp-typed")).thingTypeName())
        .isEqualTo("StreetLight");

    iot.updateThing(b -> b.thingName("lamp-typed").removeThingType(true));
    assertThat(iot.describeThing(b -> b.thingName("lamp-typed")).thingTypeName()).isNull();

    assertThatThrownBy(
            () ->
                iot.updateThing(
                    b ->
                        b.thingName("lamp-typed")
                            .thingTypeName("StreetLight")
                            .removeThingType(true)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void listThings_filtersByAttributeExactlyOrByPrefix_andByType() {
    iot.createThingType(b -> b.thingTypeName("FilterLamp"));
    iot.createThing(
        b ->
            b.thingName("flt-1")
                .thingTypeName("FilterLamp")
                .attributePayload(a -> a.attributes(Map.of("district", "north-1"))));
    iot.createThing(
        b ->
            b.thingName("flt-2")
                .attributePayload(a -> a.attributes(Map.of("district", "north-2"))));
    iot.createThing(
        b -> b.thingName("flt-3").attributePayload(a -> a.attributes(Map.of("district", "south"))));

    assertThat(names(iot.listThings(b -> b.attributeName("district").attributeValue("north-1"))))
        .containsExactly("flt-1");
    assertThat(
            names(
                iot.listThings(
                    b ->
                        b.attributeName("district")
                            .attributeValue("north")
                            .usePrefixAttributeValue(true))))
        .containsExactly("flt-1", "flt-2");
    assertThat(names(iot.listThings(b -> b.thingTypeName("FilterLamp")))).containsExactly("flt-1");
    ListThingsResponse listed =
        iot.listThings(b -> b.attributeName("district").attributeValue("south"));
    ThingAttribute south = listed.things().get(0);
    assertThat(south.thingArn()).endsWith(":thing/flt-3");
    assertThat(south.attributes()).containsEntry("district", "south");
    assertThat(south.version()).isEqualTo(1L);
  }

  @Test
  void listThings_pagesInNameOrder_withTheSdkPaginator() {
    for (int i = 0; i < 7; i++) {
      String name = String.format("page-%02d", i);
      iot.createThing(
          b -> b.thingName(name).attributePayload(a -> a.attributes(Map.of("batch", "paging"))));
    }

    List<String> names =
        iot
            .listThingsPaginator(
                b -> b.attributeName("batch").attributeValue("paging").maxResults(3))
            .things()
            .stream()
            .map(ThingAttribute::thingName)
            .toList();
    ListThingsResponse firstPage =
        iot.listThings(b -> b.attributeName("batch").attributeValue("paging").maxResults(3));

    assertThat(names)
        .containsExactly(
            "page-00", "page-01", "page-02", "page-03", "page-04", "page-05", "page-06");
    assertThat(firstPage.things()).hasSize(3);
    assertThat(firstPage.nextToken()).isNotBlank();
  }

  @Test
  void listThings_tokenFromAnotherFilter_isInvalidRequest() {
    for (int i = 0; i < 3; i++) {
      String name = "tok-" + i;
      iot.createThing(
          b -> b.thingName(name).attributePayload(a -> a.attributes(Map.of("batch", "tok"))));
    }
    String token =
        iot.listThings(b -> b.attributeName("batch").attributeValue("tok").maxResults(1))
            .nextToken();

    assertThatThrownBy(() -> iot.listThings(b -> b.nextToken(token).maxResults(1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nextToken");
  }

  private static List<String> names(ListThingsResponse response) {
    return response.things().stream().map(ThingAttribute::thingName).toList();
  }
}
