package dev.lamplighter.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.broker.extension.TransportIdentity;
import dev.lamplighter.core.tenancy.Scope;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedCallersTest {
  private final SignedCallers authenticator =
      new SignedCallers(
          request -> Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, "certificates"));

  private static ConnectRequest request(TransportIdentity identity) {
    return new ConnectRequest(
        "browser",
        ProtocolVersion.MQTT_3_1_1,
        true,
        60,
        null,
        List.of(),
        new InetSocketAddress("192.0.2.7", 50000),
        null,
        Optional.empty(),
        identity);
  }

  @Test
  void signedCaller_isAcceptedIntoItsAccountAndRegion_withEveryRight() {
    Authentication result =
        authenticator.authenticate(
            request(new SignedCaller(Scope.of("111122223333", "eu-west-1"), "AKIDEXAMPLE")));

    Authentication.Accepted accepted = (Authentication.Accepted) result;
    assertThat(accepted.namespace()).isEqualTo("111122223333:eu-west-1");
    assertThat(accepted.principal()).isEqualTo("AKIDEXAMPLE");
    assertThat(accepted.authority().mayPublish("any/topic")).isTrue();
    assertThat(accepted.authority().maySubscribe("#")).isTrue();
    assertThat(accepted.authority().mayReceive("any/topic")).isTrue();
  }

  @Test
  void connectionWithoutTransportIdentity_goesToTheCertificateAuthenticator() {
    Authentication result = authenticator.authenticate(request(null));

    assertThat(((Authentication.Refused) result).detail()).isEqualTo("certificates");
  }

  @Test
  void unknownTransportIdentity_isRefused() {
    Authentication result = authenticator.authenticate(request(new TransportIdentity() {}));

    assertThat(((Authentication.Refused) result).reason()).isEqualTo(ConnectRefusal.NOT_AUTHORIZED);
  }
}
