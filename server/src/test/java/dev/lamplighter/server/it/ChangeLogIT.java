package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.event.ChangeEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Every write an API call makes is in the change log, in commit order, so that derived state can
 * follow it; a refused call leaves no entry.
 */
class ChangeLogIT {
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
  void writes_appearInCommitOrder_withKindAndState() {
    long before = lastSequence();

    iot.createThingType(b -> b.thingTypeName("LoggedType"));
    iot.createThing(b -> b.thingName("logged").thingTypeName("LoggedType"));
    iot.updateThing(
        b -> b.thingName("logged").attributePayload(a -> a.attributes(java.util.Map.of("k", "v"))));
    iot.createThingGroup(b -> b.thingGroupName("LoggedGroup"));
    iot.addThingToThingGroup(b -> b.thingGroupName("LoggedGroup").thingName("logged"));
    iot.createBillingGroup(b -> b.billingGroupName("LoggedBilling"));
    iot.addThingToBillingGroup(b -> b.billingGroupName("LoggedBilling").thingName("logged"));
    iot.removeThingFromThingGroup(b -> b.thingGroupName("LoggedGroup").thingName("logged"));
    iot.deleteThing(b -> b.thingName("logged"));

    List<ChangeEvent> events = server.server().backend().store().changeLog().readAfter(before, 100);
    assertThat(events)
        .extracting(e -> e.type().arnSegment() + " " + e.name() + " " + e.kind())
        .containsExactly(
            "thingtype LoggedType CREATED",
            "thing logged CREATED",
            "thing logged UPDATED",
            "thinggroup LoggedGroup CREATED",
            "thinggroup LoggedGroup MEMBER_ADDED",
            "billinggroup LoggedBilling CREATED",
            "billinggroup LoggedBilling MEMBER_ADDED",
            "thinggroup LoggedGroup MEMBER_REMOVED",
            "thing logged DELETED");
    assertThat(events).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(events.get(2).stateJson()).contains("\"k\"").contains("\"v\"");
    assertThat(events.get(4).stateJson()).contains("\"thingName\":\"logged\"");
    assertThat(events.get(8).stateJson()).isNull();
    assertThat(events)
        .allSatisfy(
            e -> assertThat(e.scope().account().value()).isEqualTo(TestServer.ROOT_ACCOUNT));
  }

  @Test
  void certificatesPoliciesAndTheirAttachments_areLogged_forTheBrokerToFollow() {
    iot.createThing(b -> b.thingName("secured"));
    iot.createThingGroup(b -> b.thingGroupName("SecuredGroup"));
    long before = lastSequence();

    var certificate = iot.createKeysAndCertificate(b -> b.setAsActive(true));
    String id = certificate.certificateId();
    iot.attachThingPrincipal(b -> b.thingName("secured").principal(certificate.certificateArn()));
    iot.createPolicy(b -> b.policyName("LoggedPolicy").policyDocument(Policies.CONNECT_ANY));
    String groupArn = iot.describeThingGroup(b -> b.thingGroupName("SecuredGroup")).thingGroupArn();
    iot.attachPolicy(b -> b.policyName("LoggedPolicy").target(groupArn));
    iot.createPolicyVersion(
        b -> b.policyName("LoggedPolicy").policyDocument(Policies.OWN_TOPICS).setAsDefault(true));
    iot.updateCertificate(
        b ->
            b.certificateId(id)
                .newStatus(software.amazon.awssdk.services.iot.model.CertificateStatus.REVOKED));
    iot.detachPolicy(b -> b.policyName("LoggedPolicy").target(groupArn));

    List<ChangeEvent> events = server.server().backend().store().changeLog().readAfter(before, 100);
    assertThat(events)
        .extracting(e -> e.type().arnSegment() + " " + e.name() + " " + e.kind())
        .containsExactly(
            "cert " + id + " CREATED",
            "cert " + id + " ATTACHED",
            "policy LoggedPolicy CREATED",
            "policy LoggedPolicy ATTACHED",
            "policy LoggedPolicy UPDATED",
            "cert " + id + " UPDATED",
            "policy LoggedPolicy DETACHED");
    assertThat(events.get(1).stateJson())
        .contains("\"thingName\":\"secured\"")
        .contains("\"principal\":\"" + certificate.certificateArn() + "\"");
    assertThat(events.get(3).stateJson())
        .contains("\"policyName\":\"LoggedPolicy\"")
        .contains("\"target\":\"" + groupArn + "\"");
    assertThat(events.get(5).stateJson()).contains("REVOKED");
    assertThat(events).allSatisfy(e -> assertThat(e.stateJson()).doesNotContain("PRIVATE KEY"));
  }

  @Test
  void refusedWrites_leaveNoEntry() {
    iot.createThing(b -> b.thingName("unchanged"));
    long before = lastSequence();

    try {
      iot.updateThing(b -> b.thingName("unchanged").expectedVersion(99L));
    } catch (RuntimeException expected) {
      // a VersionConflictException
    }
    try {
      iot.createThingGroup(b -> b.thingGroupName("Orphan").parentGroupName("NoParent"));
    } catch (RuntimeException expected) {
      // an InvalidRequestException
    }

    assertThat(server.server().backend().store().changeLog().readAfter(before, 100)).isEmpty();
  }

  private static long lastSequence() {
    List<ChangeEvent> all = server.server().backend().store().changeLog().readAfter(0, 100_000);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
  }
}
