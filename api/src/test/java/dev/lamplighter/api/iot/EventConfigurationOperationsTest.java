package dev.lamplighter.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.api.jobs.JobSamples;
import dev.lamplighter.api.jobs.JobsEdge;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Configuration;
import software.amazon.awssdk.services.iot.model.DescribeEventConfigurationsResponse;

/** DescribeEventConfigurations and UpdateEventConfigurations, driven by the AWS SDK. */
class EventConfigurationOperationsTest {
  private JobsEdge edge;
  private IotClient client;

  @BeforeEach
  void start() {
    edge = new JobsEdge();
    client = edge.iot();
  }

  @AfterEach
  void stop() {
    client.close();
    edge.close();
  }

  @Test
  void describe_neverWritten_listsEveryTypeOff_withoutDates() throws Exception {
    edge.events.answer("describe", args -> EventConfigurations.DEFAULT);

    HttpResponse<String> response = edge.send("iot", "GET", "/event-configurations", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = WireJson.mapper().readTree(response.body());
    assertThat(body.get("eventConfigurations").size()).isEqualTo(11);
    assertThat(body.get("eventConfigurations").get("THING").toString())
        .isEqualTo("{\"Enabled\":false}");
    assertThat(body.get("eventConfigurations").get("CA_CERTIFICATE").toString())
        .isEqualTo("{\"Enabled\":false}");
    assertThat(body.has("creationDate")).isFalse();
    assertThat(body.has("lastModifiedDate")).isFalse();
  }

  @Test
  void describe_isReadByTheSdk_withDates() {
    edge.events.answer(
        "describe",
        args ->
            new EventConfigurations(
                Map.of(EventType.JOB, true, EventType.JOB_EXECUTION, true),
                JobSamples.CREATED,
                JobSamples.UPDATED));

    DescribeEventConfigurationsResponse response = client.describeEventConfigurations(b -> {});

    assertThat(response.eventConfigurationsAsStrings()).hasSize(11);
    assertThat(response.eventConfigurationsAsStrings().get("JOB").enabled()).isTrue();
    assertThat(response.eventConfigurationsAsStrings().get("JOB_EXECUTION").enabled()).isTrue();
    assertThat(response.eventConfigurationsAsStrings().get("THING").enabled()).isFalse();
    assertThat(response.creationDate()).isEqualTo(JobSamples.CREATED);
    assertThat(response.lastModifiedDate()).isEqualTo(JobSamples.UPDATED);
  }

  @Test
  void update_turnsTheGivenTypesOnOrOff_andAnswersNothing() throws Exception {
    edge.events.answer("update", args -> EventConfigurations.DEFAULT);

    client.updateEventConfigurations(
        b ->
            b.eventConfigurationsWithStrings(
                Map.of(
                    "JOB", Configuration.builder().enabled(true).build(),
                    "THING", Configuration.builder().enabled(false).build())));
    HttpResponse<String> raw =
        edge.send(
            "iot",
            "PATCH",
            "/event-configurations",
            "{\"eventConfigurations\":{\"JOB_EXECUTION\":{\"Enabled\":true}}}");

    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo("{}");
    assertThat(edge.events.calls().get(0).arg(1))
        .isEqualTo(Map.of(EventType.JOB, true, EventType.THING, false));
    assertThat(edge.events.calls().get(1).arg(1)).isEqualTo(Map.of(EventType.JOB_EXECUTION, true));
  }

  @Test
  void update_withAnUnknownType_isInvalidRequest() {
    HttpResponse<String> raw =
        edge.send(
            "iot",
            "PATCH",
            "/event-configurations",
            "{\"eventConfigurations\":{\"SHADOW\":{\"Enabled\":true}}}");

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
    assertThat(edge.events.calls()).isEmpty();
  }
}
