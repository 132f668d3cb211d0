package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;

/** DescribeEndpoint, and the operational endpoints /health and /metrics. */
class EndpointAndOperationsIT {
  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            Map.of("endpoint-host", "iot.example.net", "jobs-endpoint-host", "jobs.example.net"),
            Map.of());
    iot = server.iot();
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void describeEndpoint_answersConfiguredHostNames() {
    assertThat(iot.describeEndpoint(b -> b.endpointType("iot:Data-ATS")).endpointAddress())
        .isEqualTo("iot.example.net");
    assertThat(iot.describeEndpoint(b -> b.endpointType("iot:Jobs")).endpointAddress())
        .isEqualTo("jobs.example.net");
    assertThat(
            iot.describeEndpoint(b -> b.endpointType("iot:CredentialProvider")).endpointAddress())
        .isEqualTo("iot.example.net");
    assertThat(iot.describeEndpoint(b -> {}).endpointAddress()).isEqualTo("iot.example.net");
  }

  @Test
  void describeEndpoint_unknownType_isInvalidRequest() {
    assertThatThrownBy(() -> iot.describeEndpoint(b -> b.endpointType("iot:Nope")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("iot:Nope");
  }

  @Test
  void metrics_countRequestsByOperationAndStatus() {
    iot.createThing(b -> b.thingName("metered"));
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("unmetered")));

    HttpResponse<String> metrics = new RawApi(server.endpoint()).unsigned("GET", "/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "lamplighter_api_requests_seconds_count{operation=\"CreateThing\",status=\"200\"}")
        .contains(
            "lamplighter_api_requests_seconds_count{operation=\"DescribeThing\",status=\"404\"}")
        .contains("lamplighter_api_requests_seconds_bucket");
  }
}
