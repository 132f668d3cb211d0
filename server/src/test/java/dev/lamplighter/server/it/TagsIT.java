package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.Tag;

/** TagResource, UntagResource and ListTagsForResource with AWS's tag rules. */
class TagsIT {
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
  void tags_areAddedReplacedListedInKeyOrder_andRemoved() {
    String arn = iot.createThingType(b -> b.thingTypeName("Tagged")).thingTypeArn();

    iot.tagResource(b -> b.resourceArn(arn).tags(tag("ENVIRONMENT", "test"), tag("CITY", "Turin")));
    iot.tagResource(b -> b.resourceArn(arn).tags(tag("ENVIRONMENT", "prod")));
    assertThat(tags(arn)).containsExactly("CITY=Turin", "ENVIRONMENT=prod");

    iot.untagResource(b -> b.resourceArn(arn).tagKeys("CITY", "NOT-THERE"));
    assertThat(tags(arn)).containsExactly("ENVIRONMENT=prod");
  }

  @Test
  void tagsOfADeletedType_areGoneWithIt() throws Exception {
    String arn =
        iot.createThingType(b -> b.thingTypeName("ShortLived").tags(tag("k", "v"))).thingTypeArn();
    iot.deprecateThingType(b -> b.thingTypeName("ShortLived"));
    server.clock.advance(java.time.Duration.ofMinutes(6));
    try {
      iot.deleteThingType(b -> b.thingTypeName("ShortLived"));
    } finally {
      server.clock.reset();
    }
    iot.createThingType(b -> b.thingTypeName("ShortLived"));

    assertThat(tags(arn)).isEmpty();
  }

  @Test
  void fiftyTags_fit_fiftyOne_exceedTheLimit_andNothingIsWritten() {
    String arn = iot.createThingType(b -> b.thingTypeName("ManyTags")).thingTypeArn();
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(tag("key" + i, "v"));
    }
    iot.tagResource(b -> b.resourceArn(arn).tags(fifty));

    assertThatThrownBy(() -> iot.tagResource(b -> b.resourceArn(arn).tags(tag("one-more", "v"))))
        .isInstanceOf(LimitExceededException.class);
    assertThat(tags(arn)).hasSize(50).doesNotContain("one-more=v");
  }

  @Test
  void reservedAwsPrefix_isRefused() {
    String arn = iot.createThingType(b -> b.thingTypeName("Reserved")).thingTypeArn();

    assertThatThrownBy(() -> iot.tagResource(b -> b.resourceArn(arn).tags(tag("aws:owner", "me"))))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void unknownResource_isResourceNotFound_andMalformedArn_isInvalidRequest() {
    assertThatThrownBy(
            () ->
                iot.listTagsForResource(
                    b -> b.resourceArn("arn:aws:iot:eu-west-1:111122223333:thingtype/Nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.listTagsForResource(b -> b.resourceArn("not-an-arn")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void things_cannotBeTagged_asInAws() {
    String arn = iot.createThing(b -> b.thingName("untaggable")).thingArn();

    assertThatThrownBy(() -> iot.tagResource(b -> b.resourceArn(arn).tags(tag("k", "v"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("cannot be tagged");
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static List<String> tags(String arn) {
    return iot.listTagsForResourcePaginator(b -> b.resourceArn(arn)).tags().stream()
        .map(t -> t.key() + "=" + t.value())
        .toList();
  }
}
