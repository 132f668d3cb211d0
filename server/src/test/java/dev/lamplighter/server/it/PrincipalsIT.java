package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.PrincipalThingObject;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingPrincipalObject;
import software.amazon.awssdk.services.iot.model.ThingPrincipalType;

/** Certificates attached to things: both listings, both versions, exclusivity. */
class PrincipalsIT {
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
  void attachedPrincipals_areListedFromTheThingAndFromThePrincipal() {
    String cert = newCertificate();
    iot.createThing(b -> b.thingName("gateway-1"));
    iot.createThing(b -> b.thingName("gateway-2"));

    iot.attachThingPrincipal(b -> b.thingName("gateway-1").principal(cert));
    iot.attachThingPrincipal(b -> b.thingName("gateway-2").principal(cert));

    assertThat(iot.listThingPrincipals(b -> b.thingName("gateway-1")).principals())
        .containsExactly(cert);
    assertThat(iot.listPrincipalThings(b -> b.principal(cert)).things())
        .containsExactly("gateway-1", "gateway-2");
    assertThat(iot.listThingPrincipalsV2(b -> b.thingName("gateway-1")).thingPrincipalObjects())
        .extracting(ThingPrincipalObject::principal, ThingPrincipalObject::thingPrincipalType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(cert, ThingPrincipalType.NON_EXCLUSIVE_THING));
    assertThat(iot.listPrincipalThingsV2(b -> b.principal(cert)).principalThingObjects())
        .extracting(PrincipalThingObject::thingName)
        .containsExactly("gateway-1", "gateway-2");

    iot.detachThingPrincipal(b -> b.thingName("gateway-1").principal(cert));
    assertThat(iot.listPrincipalThings(b -> b.principal(cert)).things())
        .containsExactly("gateway-2");
  }

  @Test
  void anExclusiveAttachment_allowsOneThingOnly() {
    String cert = newCertificate();
    iot.createThing(b -> b.thingName("lamp-exclusive"));
    iot.createThing(b -> b.thingName("lamp-intruder"));

    iot.attachThingPrincipal(
        b ->
            b.thingName("lamp-exclusive")
                .principal(cert)
                .thingPrincipalType(ThingPrincipalType.EXCLUSIVE_THING));

    assertThatThrownBy(
            () -> iot.attachThingPrincipal(b -> b.thingName("lamp-intruder").principal(cert)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("exclusive");
    assertThat(
            iot.listPrincipalThingsV2(
                    b -> b.principal(cert).thingPrincipalType(ThingPrincipalType.EXCLUSIVE_THING))
                .principalThingObjects())
        .extracting(PrincipalThingObject::thingName)
        .containsExactly("lamp-exclusive");
    assertThat(
            iot.listThingPrincipalsV2(
                    b ->
                        b.thingName("lamp-exclusive")
                            .thingPrincipalType(ThingPrincipalType.NON_EXCLUSIVE_THING))
                .thingPrincipalObjects())
        .isEmpty();
  }

  @Test
  void aThingWithPrincipals_cannotBeDeleted() {
    String cert = newCertificate();
    iot.createThing(b -> b.thingName("lamp-held"));
    iot.attachThingPrincipal(b -> b.thingName("lamp-held").principal(cert));

    assertThatThrownBy(() -> iot.deleteThing(b -> b.thingName("lamp-held")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("principals");

    iot.detachThingPrincipal(b -> b.thingName("lamp-held").principal(cert));
    iot.deleteThing(b -> b.thingName("lamp-held"));
  }

  @Test
  void unknownPrincipalsAndThings_areNotFound_andBadTypesAreInvalid() {
    iot.createThing(b -> b.thingName("lamp-lonely"));
    String missing = "arn:aws:iot:eu-west-1:111122223333:cert/" + "0".repeat(64);

    assertThatThrownBy(
            () -> iot.attachThingPrincipal(b -> b.thingName("lamp-lonely").principal(missing)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                iot.attachThingPrincipal(
                    b -> b.thingName("no-such-lamp").principal(newCertificate())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> iot.attachThingPrincipal(b -> b.thingName("lamp-lonely").principal("not-an-arn")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                iot.attachThingPrincipal(
                    b ->
                        b.thingName("lamp-lonely")
                            .principal(newCertificate())
                            .thingPrincipalType("SOMETIMES")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(iot.listThingPrincipals(b -> b.thingName("lamp-lonely")).principals()).isEmpty();
    assertThatThrownBy(() -> iot.listThingPrincipals(b -> b.thingName("no-such-lamp")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith(
            "Failed to list principals for thing no-such-lamp because the thing does not exist in"
                + " your account (Service");
  }

  private static String newCertificate() {
    return iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
  }
}
