package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.AccountService;
import dev.lamplighter.security.NewAccessKey;
import dev.lamplighter.security.Status;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

/** Accounts and regions never see each other's resources. */
class TenancyIT {
  private static TestServer server;
  private static IotClient root;
  private static IotClient other;
  private static NewAccessKey otherKey;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    root = server.iot();
    AccountService accounts = server.server().backend().security().accounts();
    accounts.createAccount("other", AccountId.of("444455556666"));
    otherKey = accounts.createAccessKey(AccountId.of("444455556666"));
    other = server.iot(otherKey.key().accessKeyId(), otherKey.secretAccessKey(), TestServer.REGION);
  }

  @AfterAll
  static void stop() {
    root.close();
    other.close();
    server.close();
  }

  @Test
  void accountsCannotSeeEachOthersThings_andMayUseTheSameNames() {
    root.createThing(
        b ->
            b.thingName("shared-name")
                .attributePayload(a -> a.attributes(java.util.Map.of("owner", "root"))));

    assertThatThrownBy(() -> other.describeThing(b -> b.thingName("shared-name")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(other.listThings().things())
        .extracting(ThingAttribute::thingName)
        .doesNotContain("shared-name");

    other.createThing(b -> b.thingName("shared-name"));
    assertThat(other.describeThing(b -> b.thingName("shared-name")).thingArn())
        .isEqualTo("arn:aws:iot:eu-west-1:444455556666:thing/shared-name");
    assertThat(root.describeThing(b -> b.thingName("shared-name")).attributes())
        .containsEntry("owner", "root");
  }

  @Test
  void regionsOfOneAccountAreSeparate() {
    root.createThing(b -> b.thingName("regional"));

    try (IotClient elsewhere =
        server.iot(TestServer.ROOT_KEY, TestServer.ROOT_SECRET, Region.US_EAST_1)) {
      assertThatThrownBy(() -> elsewhere.describeThing(b -> b.thingName("regional")))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void thingTypeOfAnotherAccount_cannotBeTaggedOrUsed() {
    String arn = root.createThingType(b -> b.thingTypeName("RootOnly")).thingTypeArn();

    assertThatThrownBy(
            () -> other.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> other.createThing(b -> b.thingName("x").thingTypeName("RootOnly")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void groupsOfAnotherAccount_areInvisible_andCannotBeJoined() {
    root.createThingGroup(b -> b.thingGroupName("RootGroup"));
    root.createBillingGroup(b -> b.billingGroupName("RootBilling"));
    other.createThing(b -> b.thingName("intruder"));

    assertThatThrownBy(() -> other.describeThingGroup(b -> b.thingGroupName("RootGroup")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                other.addThingToThingGroup(
                    b -> b.thingGroupName("RootGroup").thingName("intruder")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                other.addThingToThingGroup(
                    b ->
                        b.thingGroupArn("arn:aws:iot:eu-west-1:111122223333:thinggroup/RootGroup")
                            .thingName("intruder")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                other.addThingToBillingGroup(
                    b -> b.billingGroupName("RootBilling").thingName("intruder")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(other.listThingGroups().thingGroups()).isEmpty();
    assertThat(other.listBillingGroups().billingGroups()).isEmpty();
  }

  @Test
  void certificatesAndPoliciesOfAnotherAccount_areInvisible_andCannotBeAttached() {
    var rootCert = root.createKeysAndCertificate(b -> b.setAsActive(true));
    root.createPolicy(b -> b.policyName("RootPolicy").policyDocument(Policies.CONNECT_ANY));
    String otherCert = other.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
    other.createThing(b -> b.thingName("borrower"));

    assertThatThrownBy(
            () -> other.describeCertificate(b -> b.certificateId(rootCert.certificateId())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(other.listCertificates().certificates())
        .extracting(c -> c.certificateArn())
        .containsExactly(otherCert);
    assertThatThrownBy(() -> other.getPolicy(b -> b.policyName("RootPolicy")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> other.attachPolicy(b -> b.policyName("RootPolicy").target(otherCert)))
        .isInstanceOf(ResourceNotFoundException.class);
    other.createPolicy(b -> b.policyName("RootPolicy").policyDocument(Policies.OWN_TOPICS));
    assertThatThrownBy(
            () ->
                other.attachPolicy(
                    b -> b.policyName("RootPolicy").target(rootCert.certificateArn())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                other.attachThingPrincipal(
                    b -> b.thingName("borrower").principal(rootCert.certificateArn())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(root.getPolicy(b -> b.policyName("RootPolicy")).policyDocument())
        .isEqualTo(Policies.CONNECT_ANY);
  }

  @Test
  void disabledAccessKey_isRefusedWithinTheCacheTime() {
    AccountService accounts = server.server().backend().security().accounts();
    NewAccessKey spare = accounts.createAccessKey(AccountId.of("444455556666"));
    try (IotClient client =
        server.iotWithoutRetries(spare.key().accessKeyId(), spare.secretAccessKey())) {
      client.listThings();

      accounts.disableAccessKey(spare.key().accessKeyId());

      assertThat(accounts.listAccessKeys(AccountId.of("444455556666")))
          .filteredOn(k -> k.accessKeyId().equals(spare.key().accessKeyId()))
          .singleElement()
          .satisfies(k -> assertThat(k.status()).isEqualTo(Status.DISABLED));
      server.clock.advance(Duration.ofSeconds(6));
      try {
        assertThatThrownBy(client::listThings)
            .isInstanceOfSatisfying(
                IotException.class,
                e ->
                    assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("UnrecognizedClientException"));
      } finally {
        server.clock.reset();
      }
    }
  }
}
