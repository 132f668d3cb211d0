package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateThingTypeResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingTypeResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.PropagatingAttribute;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingTypeDefinition;

/** Thing types through the AWS SDK for Java v2. */
class ThingTypesIT {
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
  void createThingType_isDescribedWithPropertiesAndMetadata() {
    Instant before = Instant.now().minusSeconds(1);
    CreateThingTypeResponse created =
        iot.createThingType(
            b ->
                b.thingTypeName("StreetLight")
                    .thingTypeProperties(
                        p ->
                            p.thingTypeDescription("A lamp post")
                                .searchableAttributes("city", "district", "model"))
                    .tags(t -> t.key("ENVIRONMENT").value("prod")));

    assertThat(created.thingTypeArn())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:thingtype/StreetLight");
    DescribeThingTypeResponse type = iot.describeThingType(b -> b.thingTypeName("StreetLight"));
    assertThat(type.thingTypeId()).isEqualTo(created.thingTypeId());
    assertThat(type.thingTypeProperties().thingTypeDescription()).isEqualTo("A lamp post");
    assertThat(type.thingTypeProperties().searchableAttributes())
        .containsExactly("city", "district", "model");
    assertThat(type.thingTypeMetadata().deprecated()).isFalse();
    assertThat(type.thingTypeMetadata().deprecationDate()).isNull();
    assertThat(type.thingTypeMetadata().creationDate()).isAfter(before);
    assertThat(iot.listTagsForResource(b -> b.resourceArn(created.thingTypeArn())).tags())
        .singleElement()
        .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("ENVIRONMENT=prod"));
  }

  @Test
  void createThingType_again_sameProperties_succeeds_otherProperties_conflict() {
    iot.createThingType(
        b -> b.thingTypeName("Twice").thingTypeProperties(p -> p.thingTypeDescription("x")));
    iot.createThingType(
        b -> b.thingTypeName("Twice").thingTypeProperties(p -> p.thingTypeDescription("x")));

    assertThatThrownBy(
            () ->
                iot.createThingType(
                    b ->
                        b.thingTypeName("Twice")
                            .thingTypeProperties(p -> p.thingTypeDescription("y"))))
        .isInstanceOf(ResourceAlreadyExistsException.class);
  }

  @Test
  void fourSearchableAttributes_areRefused() {
    assertThatThrownBy(
            () ->
                iot.createThingType(
                    b ->
                        b.thingTypeName("TooSearchable")
                            .thingTypeProperties(p -> p.searchableAttributes("a", "b", "c", "d"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> iot.describeThingType(b -> b.thingTypeName("TooSearchable")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deprecatedType_cannotBeGivenToThings_untilUndeprecated() {
    iot.createThingType(b -> b.thingTypeName("OldLamp"));
    iot.deprecateThingType(b -> b.thingTypeName("OldLamp"));

    DescribeThingTypeResponse deprecated = iot.describeThingType(b -> b.thingTypeName("OldLamp"));
    assertThat(deprecated.thingTypeMetadata().deprecated()).isTrue();
    assertThat(deprecated.thingTypeMetadata().deprecationDate()).isNotNull();
    assertThatThrownBy(() -> iot.createThing(b -> b.thingName("old-1").thingTypeName("OldLamp")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("deprecated");

    iot.deprecateThingType(b -> b.thingTypeName("OldLamp").undoDeprecate(true));
    assertThat(
            iot.describeThingType(b -> b.thingTypeName("OldLamp")).thingTypeMetadata().deprecated())
        .isFalse();
    iot.createThing(b -> b.thingName("old-1").thingTypeName("OldLamp"));
  }

  @Test
  void deleteThingType_needsDeprecation_fiveMinutes_andNoThings() {
    iot.createThingType(b -> b.thingTypeName("Doomed"));
    iot.createThing(b -> b.thingName("doomed-1").thingTypeName("Doomed"));

    assertThatThrownBy(() -> iot.deleteThingType(b -> b.thingTypeName("Doomed")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("deprecated");
    iot.deprecateThingType(b -> b.thingTypeName("Doomed"));
    assertThatThrownBy(() -> iot.deleteThingType(b -> b.thingTypeName("Doomed")))
        .isInstanceOf(InvalidRequestException.class);

    server.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    try {
      assertThatThrownBy(() -> iot.deleteThingType(b -> b.thingTypeName("Doomed")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("things");
      iot.updateThing(b -> b.thingName("doomed-1").removeThingType(true));

      iot.deleteThingType(b -> b.thingTypeName("Doomed"));
    } finally {
      server.clock.reset();
    }
    assertThatThrownBy(() -> iot.describeThingType(b -> b.thingTypeName("Doomed")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void updateThingType_changesOnlyMqtt5Configuration() {
    iot.createThingType(
        b -> b.thingTypeName("Mqtt5Lamp").thingTypeProperties(p -> p.thingTypeDescription("d")));

    iot.updateThingType(
        b ->
            b.thingTypeName("Mqtt5Lamp")
                .thingTypeProperties(
                    p ->
                        p.mqtt5Configuration(
                            m ->
                                m.propagatingAttributes(
                                    PropagatingAttribute.builder()
                                        .userPropertyKey("city")
                                        .thingAttribute("city")
                                        .build()))));

    DescribeThingTypeResponse type = iot.describeThingType(b -> b.thingTypeName("Mqtt5Lamp"));
    assertThat(type.thingTypeProperties().mqtt5Configuration().propagatingAttributes())
        .singleElement()
        .satisfies(p -> assertThat(p.thingAttribute()).isEqualTo("city"));
    assertThatThrownBy(
            () ->
                iot.updateThingType(
                    b ->
                        b.thingTypeName("Mqtt5Lamp")
                            .thingTypeProperties(p -> p.searchableAttributes("city"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("mqtt5Configuration");
  }

  @Test
  void listThingTypes_pagesInNameOrder_andFiltersByName() {
    for (String name : List.of("Lt-A", "Lt-B", "Lt-C")) {
      iot.createThingType(b -> b.thingTypeName(name));
    }

    List<String> names =
        iot.listThingTypesPaginator(b -> b.maxResults(2)).thingTypes().stream()
            .map(ThingTypeDefinition::thingTypeName)
            .filter(n -> n.startsWith("Lt-"))
            .toList();

    assertThat(names).containsExactly("Lt-A", "Lt-B", "Lt-C");
    assertThat(iot.listThingTypes(b -> b.thingTypeName("Lt-B")).thingTypes())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.thingTypeArn()).endsWith(":thingtype/Lt-B");
              assertThat(t.thingTypeMetadata().deprecated()).isFalse();
            });
  }

  @Test
  void deprecateThingType_unknown_isResourceNotFound() {
    assertThatThrownBy(() -> iot.deprecateThingType(b -> b.thingTypeName("Ghost")))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
