package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.EffectivePolicy;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.MalformedPolicyException;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.PolicyVersion;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.VersionsLimitExceededException;

/** Policies, their versions and their attachments to certificates and thing groups. */
class PoliciesIT {
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
  void createAndGet_returnTheDocumentAsVersionOne() {
    var created =
        iot.createPolicy(b -> b.policyName("LightsOwnTopics").policyDocument(Policies.OWN_TOPICS));

    assertThat(created.policyArn())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:policy/LightsOwnTopics");
    assertThat(created.policyVersionId()).isEqualTo("1");
    var got = iot.getPolicy(b -> b.policyName("LightsOwnTopics"));
    assertThat(got.policyDocument()).isEqualTo(Policies.OWN_TOPICS);
    assertThat(got.defaultVersionId()).isEqualTo("1");
    assertThat(got.creationDate()).isNotNull();
    assertThat(iot.listPolicies(b -> b.pageSize(100)).policies())
        .extracting(Policy::policyName)
        .contains("LightsOwnTopics");
    assertThatThrownBy(
            () ->
                iot.createPolicy(
                    b -> b.policyName("LightsOwnTopics").policyDocument(Policies.CONNECT_ANY)))
        .isInstanceOf(ResourceAlreadyExistsException.class)
        .hasMessageStartingWith(
            "Policy cannot be created - name already exists (name=LightsOwnTopics) (Service");
  }

  @Test
  void tags_givenAtCreation_areListed_andGoWithThePolicy() {
    String arn =
        iot.createPolicy(
                b ->
                    b.policyName("Tagged")
                        .policyDocument(Policies.CONNECT_ANY)
                        .tags(t -> t.key("ENVIRONMENT").value("production")))
            .policyArn();

    assertThat(iot.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("ENVIRONMENT=production");

    iot.deletePolicy(b -> b.policyName("Tagged"));
    assertThatThrownBy(() -> iot.listTagsForResource(b -> b.resourceArn(arn)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void badDocuments_areMalformed_andNothingIsStored() {
    List<String> bad =
        List.of(
            "{not json",
            "{\"Version\":\"2012-10-17\"}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\","
                + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iot:Teleport\",\"Resource\":\"*\"}]}",
            oversized());

    for (String document : bad) {
      assertThatThrownBy(
              () -> iot.createPolicy(b -> b.policyName("Broken").policyDocument(document)))
          .as(document.length() > 80 ? document.substring(0, 80) : document)
          .isInstanceOfSatisfying(
              MalformedPolicyException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }
    assertThatThrownBy(() -> iot.getPolicy(b -> b.policyName("Broken")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void versions_areLimitedToFive_andTheDefaultCannotBeDeleted() {
    iot.createPolicy(b -> b.policyName("Versioned").policyDocument(Policies.CONNECT_ANY));
    for (int i = 2; i <= 5; i++) {
      var version =
          iot.createPolicyVersion(
              b -> b.policyName("Versioned").policyDocument(Policies.OWN_TOPICS));
      assertThat(version.policyVersionId()).isEqualTo(Integer.toString(i));
      assertThat(version.isDefaultVersion()).isFalse();
    }

    assertThatThrownBy(
            () ->
                iot.createPolicyVersion(
                    b -> b.policyName("Versioned").policyDocument(Policies.OWN_TOPICS)))
        .isInstanceOfSatisfying(
            VersionsLimitExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    iot.setDefaultPolicyVersion(b -> b.policyName("Versioned").policyVersionId("3"));
    assertThat(iot.getPolicy(b -> b.policyName("Versioned")).defaultVersionId()).isEqualTo("3");
    assertThat(iot.listPolicyVersions(b -> b.policyName("Versioned")).policyVersions())
        .filteredOn(PolicyVersion::isDefaultVersion)
        .extracting(PolicyVersion::versionId)
        .containsExactly("3");
    assertThatThrownBy(
            () -> iot.deletePolicyVersion(b -> b.policyName("Versioned").policyVersionId("3")))
        .isInstanceOf(DeleteConflictException.class);
    assertThatThrownBy(() -> iot.deletePolicy(b -> b.policyName("Versioned")))
        .isInstanceOf(DeleteConflictException.class);

    for (String id : List.of("1", "2", "4", "5")) {
      iot.deletePolicyVersion(b -> b.policyName("Versioned").policyVersionId(id));
    }
    var promoted =
        iot.createPolicyVersion(
            b ->
                b.policyName("Versioned")
                    .policyDocument(Policies.DENY_FIRMWARE)
                    .setAsDefault(true));
    assertThat(promoted.policyVersionId()).isEqualTo("6");
    assertThat(promoted.isDefaultVersion()).isTrue();
    assertThat(
            iot.getPolicyVersion(b -> b.policyName("Versioned").policyVersionId("6"))
                .policyDocument())
        .isEqualTo(Policies.DENY_FIRMWARE);
    iot.deletePolicyVersion(b -> b.policyName("Versioned").policyVersionId("3"));
    iot.deletePolicy(b -> b.policyName("Versioned"));
    assertThatThrownBy(() -> iot.getPolicy(b -> b.policyName("Versioned")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void attachments_toCertificatesAndGroups_areListedBothWays_andBlockDeletion() {
    iot.createPolicy(b -> b.policyName("Attachable").policyDocument(Policies.CONNECT_ANY));
    String certArn = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
    String groupArn = iot.createThingGroup(b -> b.thingGroupName("attach-city")).thingGroupArn();
    iot.createThingGroup(b -> b.thingGroupName("attach-street").parentGroupName("attach-city"));
    String streetArn =
        iot.describeThingGroup(b -> b.thingGroupName("attach-street")).thingGroupArn();

    iot.attachPolicy(b -> b.policyName("Attachable").target(certArn));
    iot.attachPolicy(b -> b.policyName("Attachable").target(groupArn));
    iot.attachPolicy(b -> b.policyName("Attachable").target(groupArn));

    assertThat(iot.listTargetsForPolicy(b -> b.policyName("Attachable")).targets())
        .containsExactlyInAnyOrder(certArn, groupArn);
    assertThat(iot.listAttachedPolicies(b -> b.target(certArn)).policies())
        .extracting(Policy::policyName)
        .containsExactly("Attachable");
    assertThat(iot.listAttachedPolicies(b -> b.target(streetArn)).policies()).isEmpty();
    assertThat(iot.listAttachedPolicies(b -> b.target(streetArn).recursive(true)).policies())
        .extracting(Policy::policyName)
        .containsExactly("Attachable");
    assertThatThrownBy(() -> iot.deletePolicy(b -> b.policyName("Attachable")))
        .isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("attached");
    assertThatThrownBy(
            () ->
                iot.attachPolicy(
                    b ->
                        b.policyName("Attachable")
                            .target("arn:aws:iot:eu-west-1:111122223333:thing/not-a-target")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                iot.attachPolicy(
                    b ->
                        b.policyName("Attachable")
                            .target("arn:aws:iot:eu-west-1:111122223333:thinggroup/missing")))
        .isInstanceOf(ResourceNotFoundException.class);

    iot.detachPolicy(b -> b.policyName("Attachable").target(certArn));
    iot.detachPolicy(b -> b.policyName("Attachable").target(groupArn));
    iot.deletePolicy(b -> b.policyName("Attachable"));
  }

  @Test
  void missingPolicy_hasNoPolicyPrincipals_butItsTargetsAreNotFound() {
    assertThat(iot.listPolicyPrincipals(b -> b.policyName("NeverCreated")).principals()).isEmpty();
    assertThat(iot.listPolicyPrincipals(b -> b.policyName("NeverCreated")).hasPrincipals())
        .isTrue();
    assertThatThrownBy(() -> iot.listTargetsForPolicy(b -> b.policyName("NeverCreated")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Policy not found (Service");
  }

  @Test
  void principalPolicyOperations_attachToCertificates() {
    iot.createPolicy(b -> b.policyName("OldStyle").policyDocument(Policies.CONNECT_ANY));
    String certArn = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();

    iot.attachPrincipalPolicy(b -> b.policyName("OldStyle").principal(certArn));

    assertThat(iot.listPrincipalPolicies(b -> b.principal(certArn)).policies())
        .extracting(Policy::policyName)
        .containsExactly("OldStyle");
    assertThat(iot.listPolicyPrincipals(b -> b.policyName("OldStyle")).principals())
        .containsExactly(certArn);
    iot.detachPrincipalPolicy(b -> b.policyName("OldStyle").principal(certArn));
    assertThat(iot.listPrincipalPolicies(b -> b.principal(certArn)).policies()).isEmpty();
  }

  @Test
  void effectivePolicies_comeFromTheCertificateAndEveryGroupOfTheThingWithItsParents() {
    iot.createPolicy(b -> b.policyName("OnCert").policyDocument(Policies.CONNECT_ANY));
    iot.createPolicy(b -> b.policyName("OnCity").policyDocument(Policies.OWN_TOPICS));
    iot.createPolicy(b -> b.policyName("OnFirmware").policyDocument(Policies.DENY_FIRMWARE));
    String certArn = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
    String city = iot.createThingGroup(b -> b.thingGroupName("eff-city")).thingGroupArn();
    iot.createThingGroup(b -> b.thingGroupName("eff-street").parentGroupName("eff-city"));
    String firmware = iot.createThingGroup(b -> b.thingGroupName("eff-firmware")).thingGroupArn();
    iot.createThing(b -> b.thingName("eff-lamp"));
    iot.addThingToThingGroup(b -> b.thingName("eff-lamp").thingGroupName("eff-street"));
    iot.addThingToThingGroup(b -> b.thingName("eff-lamp").thingGroupName("eff-firmware"));
    iot.attachPolicy(b -> b.policyName("OnCert").target(certArn));
    iot.attachPolicy(b -> b.policyName("OnCity").target(city));
    iot.attachPolicy(b -> b.policyName("OnFirmware").target(firmware));

    var effective =
        iot.getEffectivePolicies(b -> b.principal(certArn).thingName("eff-lamp"))
            .effectivePolicies();

    assertThat(effective)
        .extracting(EffectivePolicy::policyName)
        .containsExactlyInAnyOrder("OnCert", "OnCity", "OnFirmware");
    assertThat(effective)
        .filteredOn(p -> p.policyName().equals("OnCity"))
        .extracting(EffectivePolicy::policyDocument)
        .containsExactly(Policies.OWN_TOPICS);
    assertThat(
            iot.getEffectivePolicies(b -> b.principal(certArn)).effectivePolicies().stream()
                .map(EffectivePolicy::policyName))
        .containsExactly("OnCert");
    assertThatThrownBy(() -> iot.getEffectivePolicies(b -> b.thingName("no-such-lamp")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static String oversized() {
    StringBuilder resources = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      resources
          .append(i == 0 ? "" : ",")
          .append("\"arn:aws:iot:eu-west-1:111122223333:topic/lights/")
          .append(i)
          .append("\"");
    }
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"iot:Publish\",\"Resource\":["
        + resources
        + "]}]}";
  }
}
