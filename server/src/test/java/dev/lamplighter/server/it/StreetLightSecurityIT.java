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
import software.amazon.awssdk.services.iot.model.ActionType;
import software.amazon.awssdk.services.iot.model.AuthDecision;
import software.amazon.awssdk.services.iot.model.AuthResult;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * The street-light fleet's security model: a certificate per lamp, a least-privilege policy on the
 * fleet's thing group, a deny on firmware topics for a group of lamps under test, a compromised
 * certificate revoked, and TestAuthorization explaining each decision.
 */
class StreetLightSecurityIT {
  private static final String TOPICS = "arn:aws:iot:eu-west-1:111122223333:topic/lights/";
  private static final String CLIENTS = "arn:aws:iot:eu-west-1:111122223333:client/";
  private static final Map<String, String> CERTIFICATES = new HashMap<>();
  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void secureTheFleet() {
    server = TestServer.start();
    iot = server.iot();
    String fleet = iot.createThingGroup(b -> b.thingGroupName("street-lights")).thingGroupArn();
    iot.createThingGroup(b -> b.thingGroupName("Turin").parentGroupName("street-lights"));
    String pilot = iot.createThingGroup(b -> b.thingGroupName("firmware-pilot")).thingGroupArn();
    iot.createPolicy(b -> b.policyName("LightsOwnTopics").policyDocument(Policies.OWN_TOPICS));
    iot.createPolicy(b -> b.policyName("NoFirmwareTopics").policyDocument(Policies.DENY_FIRMWARE));
    iot.attachPolicy(b -> b.policyName("LightsOwnTopics").target(fleet));
    iot.attachPolicy(b -> b.policyName("NoFirmwareTopics").target(pilot));
    for (String lamp : List.of("turin-lamp-1", "turin-lamp-2", "turin-lamp-3")) {
      iot.createThing(b -> b.thingName(lamp));
      iot.addThingToThingGroup(b -> b.thingName(lamp).thingGroupName("Turin"));
      String certificate = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
      iot.attachThingPrincipal(
          b -> b.thingName(lamp).principal(certificate).thingPrincipalType("EXCLUSIVE_THING"));
      CERTIFICATES.put(lamp, certificate);
    }
    iot.addThingToThingGroup(b -> b.thingName("turin-lamp-2").thingGroupName("firmware-pilot"));
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void aLampMayUseItsOwnTopics_throughThePolicyOfItsGroupsParent() {
    AuthResult result =
        authorize("turin-lamp-1", ActionType.PUBLISH, TOPICS + "turin-lamp-1/status");

    assertThat(result.authDecision()).isEqualTo(AuthDecision.ALLOWED);
    assertThat(result.allowed().policies())
        .extracting(Policy::policyName)
        .containsExactly("LightsOwnTopics");
    assertThat(
            authorize("turin-lamp-1", ActionType.CONNECT, CLIENTS + "turin-lamp-1").authDecision())
        .isEqualTo(AuthDecision.ALLOWED);
  }

  @Test
  void aLampMayNotUseAnotherLampsTopics_norConnectUnderItsName() {
    AuthResult publish =
        authorize("turin-lamp-1", ActionType.PUBLISH, TOPICS + "turin-lamp-2/status");

    assertThat(publish.authDecision()).isEqualTo(AuthDecision.IMPLICIT_DENY);
    assertThat(publish.allowed().policies()).isEmpty();
    assertThat(publish.denied().implicitDeny().policies())
        .extracting(Policy::policyName)
        .containsExactly("LightsOwnTopics");
    assertThat(
            authorize("turin-lamp-1", ActionType.CONNECT, CLIENTS + "turin-lamp-2").authDecision())
        .isEqualTo(AuthDecision.IMPLICIT_DENY);
  }

  @Test
  void theFirmwarePilotsDeny_beatsTheFleetsAllow() {
    AuthResult result =
        authorize("turin-lamp-2", ActionType.PUBLISH, TOPICS + "turin-lamp-2/firmware");

    assertThat(result.authDecision()).isEqualTo(AuthDecision.EXPLICIT_DENY);
    assertThat(result.denied().explicitDeny().policies())
        .extracting(Policy::policyName)
        .containsExactly("NoFirmwareTopics");
    assertThat(
            authorize("turin-lamp-1", ActionType.PUBLISH, TOPICS + "turin-lamp-1/firmware")
                .authDecision())
        .isEqualTo(AuthDecision.ALLOWED);
  }

  @Test
  void policiesToAddAndSkip_previewAChange() {
    String certificate = CERTIFICATES.get("turin-lamp-2");

    AuthResult withoutDeny =
        iot.testAuthorization(
                b ->
                    b.principal(certificate)
                        .clientId("turin-lamp-2")
                        .policyNamesToSkip("NoFirmwareTopics")
                        .authInfos(
                            a ->
                                a.actionType(ActionType.PUBLISH)
                                    .resources(TOPICS + "turin-lamp-2/firmware")))
            .authResults()
            .get(0);

    assertThat(withoutDeny.authDecision()).isEqualTo(AuthDecision.ALLOWED);
  }

  @Test
  void aCertificateOnNoThing_missesTheThingContext() {
    String stray = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
    iot.attachPolicy(b -> b.policyName("LightsOwnTopics").target(stray));

    AuthResult result =
        iot.testAuthorization(
                b ->
                    b.principal(stray)
                        .clientId("turin-lamp-1")
                        .authInfos(
                            a ->
                                a.actionType(ActionType.PUBLISH)
                                    .resources(TOPICS + "turin-lamp-1/status")))
            .authResults()
            .get(0);

    assertThat(result.authDecision()).isEqualTo(AuthDecision.IMPLICIT_DENY);
    assertThat(result.missingContextValues()).contains("iot:Connection.Thing.ThingName");
  }

  @Test
  void aCompromisedCertificate_isRevokedForGood_andNoOtherLampsExclusiveOneStandsIn() {
    String compromised = CERTIFICATES.get("turin-lamp-3");
    String id = compromised.substring(compromised.lastIndexOf('/') + 1);

    iot.updateCertificate(b -> b.certificateId(id).newStatus(CertificateStatus.REVOKED));

    assertThat(iot.describeCertificate(b -> b.certificateId(id)).certificateDescription().status())
        .isEqualTo(CertificateStatus.REVOKED);
    assertThatThrownBy(
            () ->
                iot.updateCertificate(b -> b.certificateId(id).newStatus(CertificateStatus.ACTIVE)))
        .isInstanceOf(CertificateStateException.class);
    String other = CERTIFICATES.get("turin-lamp-2");
    assertThatThrownBy(
            () ->
                iot.attachThingPrincipal(
                    b ->
                        b.thingName("turin-lamp-3")
                            .principal(other)
                            .thingPrincipalType("NON_EXCLUSIVE_THING")))
        .isInstanceOf(InvalidRequestException.class);

    String replacement = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
    iot.detachThingPrincipal(b -> b.thingName("turin-lamp-3").principal(compromised));
    iot.attachThingPrincipal(
        b ->
            b.thingName("turin-lamp-3")
                .principal(replacement)
                .thingPrincipalType("EXCLUSIVE_THING"));
    CERTIFICATES.put("turin-lamp-3", replacement);
    assertThat(iot.listThingPrincipals(b -> b.thingName("turin-lamp-3")).principals())
        .containsExactly(replacement);
    assertThat(
            authorize("turin-lamp-3", ActionType.PUBLISH, TOPICS + "turin-lamp-3/status")
                .authDecision())
        .isEqualTo(AuthDecision.ALLOWED);
  }

  private static AuthResult authorize(String lamp, ActionType action, String resource) {
    return iot.testAuthorization(
            b ->
                b.principal(CERTIFICATES.get(lamp))
                    .clientId(lamp)
                    .authInfos(a -> a.actionType(action).resources(resource)))
        .authResults()
        .get(0);
  }
}
