package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeBillingGroupResponse;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.Tag;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** Billing groups through the AWS SDK for Java v2. */
class BillingGroupsIT {
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
  void billingGroup_isCreatedWithTags_describedAndUpdated() {
    String arn =
        iot.createBillingGroup(
                b ->
                    b.billingGroupName("Turin")
                        .billingGroupProperties(
                            p -> p.billingGroupDescription("Street lights of Turin"))
                        .tags(tag("CITY", "Turin"), tag("ENVIRONMENT", "prod")))
            .billingGroupArn();

    DescribeBillingGroupResponse turin = iot.describeBillingGroup(b -> b.billingGroupName("Turin"));
    assertThat(arn).isEqualTo("arn:aws:iot:eu-west-1:111122223333:billinggroup/Turin");
    assertThat(turin.version()).isEqualTo(1L);
    assertThat(turin.billingGroupProperties().billingGroupDescription())
        .isEqualTo("Street lights of Turin");
    assertThat(turin.billingGroupMetadata().creationDate()).isNotNull();
    assertThat(iot.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("CITY=Turin", "ENVIRONMENT=prod");

    long version =
        iot.updateBillingGroup(
                b ->
                    b.billingGroupName("Turin")
                        .expectedVersion(1L)
                        .billingGroupProperties(p -> p.billingGroupDescription("Turin lights")))
            .version();
    assertThat(version).isEqualTo(2L);
    assertThatThrownBy(
            () ->
                iot.updateBillingGroup(
                    b ->
                        b.billingGroupName("Turin")
                            .expectedVersion(1L)
                            .billingGroupProperties(p -> p.billingGroupDescription("x"))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(
            () ->
                iot.createBillingGroup(
                    b ->
                        b.billingGroupName("Turin")
                            .billingGroupProperties(p -> p.billingGroupDescription("other"))))
        .isInstanceOf(ResourceAlreadyExistsException.class);
  }

  @Test
  void aThing_isInOneBillingGroup_andAddingItToAnotherMovesIt() {
    iot.createBillingGroup(b -> b.billingGroupName("Milan"));
    iot.createBillingGroup(b -> b.billingGroupName("Genoa"));
    iot.createThing(b -> b.thingName("mobile-lamp").billingGroupName("Milan"));
    assertThat(iot.describeThing(b -> b.thingName("mobile-lamp")).billingGroupName())
        .isEqualTo("Milan");

    iot.addThingToBillingGroup(b -> b.billingGroupName("Genoa").thingName("mobile-lamp"));

    assertThat(iot.describeThing(b -> b.thingName("mobile-lamp")).billingGroupName())
        .isEqualTo("Genoa");
    assertThat(iot.listThingsInBillingGroup(b -> b.billingGroupName("Milan")).things()).isEmpty();
    assertThat(iot.listThingsInBillingGroup(b -> b.billingGroupName("Genoa")).things())
        .containsExactly("mobile-lamp");
    assertThat(iot.describeThing(b -> b.thingName("mobile-lamp")).version()).isEqualTo(1L);

    iot.removeThingFromBillingGroup(b -> b.billingGroupName("Milan").thingName("mobile-lamp"));
    assertThat(iot.describeThing(b -> b.thingName("mobile-lamp")).billingGroupName())
        .isEqualTo("Genoa");
    iot.removeThingFromBillingGroup(b -> b.billingGroupName("Genoa").thingName("mobile-lamp"));
    assertThat(iot.describeThing(b -> b.thingName("mobile-lamp")).billingGroupName()).isNull();
  }

  @Test
  void listThingsInBillingGroup_pagesInNameOrder() {
    iot.createBillingGroup(b -> b.billingGroupName("Paged"));
    for (String name : new String[] {"p-3", "p-1", "p-2"}) {
      iot.createThing(b -> b.thingName(name).billingGroupName("Paged"));
    }

    assertThat(
            iot
                .listThingsInBillingGroupPaginator(b -> b.billingGroupName("Paged").maxResults(1))
                .things()
                .stream()
                .toList())
        .containsExactly("p-1", "p-2", "p-3");
  }

  @Test
  void deletingABillingGroup_releasesItsThings() {
    iot.createBillingGroup(b -> b.billingGroupName("Closing"));
    iot.createThing(b -> b.thingName("released"));
    iot.addThingToBillingGroup(b -> b.billingGroupName("Closing").thingName("released"));

    assertThatThrownBy(
            () -> iot.deleteBillingGroup(b -> b.billingGroupName("Closing").expectedVersion(7L)))
        .isInstanceOf(VersionConflictException.class);
    iot.deleteBillingGroup(b -> b.billingGroupName("Closing"));

    assertThat(iot.describeThing(b -> b.thingName("released")).billingGroupName()).isNull();
    assertThatThrownBy(() -> iot.describeBillingGroup(b -> b.billingGroupName("Closing")))
        .isInstanceOf(ResourceNotFoundException.class);
    iot.deleteBillingGroup(b -> b.billingGroupName("Closing"));
  }

  @Test
  void listBillingGroups_filtersByNamePrefix() {
    iot.createBillingGroup(b -> b.billingGroupName("Zone-1"));
    iot.createBillingGroup(b -> b.billingGroupName("Zone-2"));

    assertThat(iot.listBillingGroups(b -> b.namePrefixFilter("Zone-")).billingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Zone-1", "Zone-2");
  }

  @Test
  void unknownThingOrGroup_isResourceNotFound() {
    iot.createBillingGroup(b -> b.billingGroupName("Exists"));

    assertThatThrownBy(
            () -> iot.addThingToBillingGroup(b -> b.billingGroupName("Exists").thingName("ghost")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> iot.addThingToBillingGroup(b -> b.billingGroupName("Missing").thingName("ghost")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.addThingToBillingGroup(b -> b.billingGroupName("Exists")))
        .isInstanceOf(InvalidRequestException.class);
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
