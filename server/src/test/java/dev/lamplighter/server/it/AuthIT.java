package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.IotException;

/** SigV4 on every request: what a client with wrong, unknown, expired or no credentials sees. */
class AuthIT {
  private static TestServer server;
  private static RawApi raw;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    raw = new RawApi(server.endpoint());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void wrongSecret_isInvalidSignature_403() {
    try (IotClient iot =
        server.iotWithoutRetries(TestServer.ROOT_KEY, "wrong-secret-000000000000000000")) {
      assertThatThrownBy(iot::listThings)
          .isInstanceOfSatisfying(
              IotException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage()).contains("signature we calculated");
              });
    }
  }

  @Test
  void unknownAccessKey_isUnrecognizedClient_403() {
    try (IotClient iot =
        server.iotWithoutRetries("AKIDUNKNOWN000000000", "whatever-secret-000000000000000")) {
      assertThatThrownBy(iot::listThings)
          .isInstanceOfSatisfying(
              IotException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
              });
    }
  }

  @Test
  void requestSignedTwentyMinutesAgo_isRefusedAsExpired() {
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));

    HttpResponse<String> response =
        raw.send("GET", "/things", null, TestServer.ROOT_KEY, TestServer.ROOT_SECRET, skewed);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("InvalidSignatureException");
    assertThat(response.body()).contains("Signature expired");
  }

  @Test
  void requestSignedTwentyMinutesAhead_isRefused() {
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));

    HttpResponse<String> response =
        raw.send("GET", "/things", null, TestServer.ROOT_KEY, TestServer.ROOT_SECRET, skewed);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Signature not yet current");
  }

  @Test
  void serverClockAheadOfClient_refusesSdkRequests_whenTheSdkMayNotRetry() {
    server.clock.advance(Duration.ofMinutes(16));
    try (IotClient iot = server.iotWithoutRetries(TestServer.ROOT_KEY, TestServer.ROOT_SECRET)) {
      assertThatThrownBy(iot::listThings)
          .isInstanceOfSatisfying(
              IotException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).contains("Signature expired"));
    } finally {
      server.clock.reset();
    }
  }

  @Test
  void requestSignedWithinFifteenMinutes_isAccepted() {
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-14));

    HttpResponse<String> response =
        raw.send("GET", "/things", null, TestServer.ROOT_KEY, TestServer.ROOT_SECRET, skewed);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void requestWithoutAuthentication_isMissingAuthenticationToken_403() {
    HttpResponse<String> response = raw.unsigned("GET", "/things");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("MissingAuthenticationTokenException");
  }

  @Test
  void health_needsNoAuthentication() {
    HttpResponse<String> response = raw.unsigned("GET", "/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("UP");
  }
}
