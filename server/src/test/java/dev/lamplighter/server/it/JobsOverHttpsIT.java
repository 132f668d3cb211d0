package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The Jobs device API over HTTPS with the device's certificate, on the data-plane port: each
 * request is allowed by AWS's job actions in the certificate's policies on the thing's ARN, or
 * refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsOverHttpsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOB_ACTIONS =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow",
         "Action": ["iot:GetPendingJobExecutions", "iot:StartNextPendingJobExecution",
                    "iotjobsdata:DescribeJobExecution", "iot:UpdateJobExecution"],
         "Resource": "arn:aws:iot:eu-west-1:111122223333:thing/${iot:Connection.Thing.ThingName}"}
      ]}
      """;

  private TestServer server;
  private IotClient iot;
  private MqttDevices devices;
  private Device lamp;
  private Device stranger;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iot = server.iot();
    devices = new MqttDevices(server);
    devices.createPolicy("job-actions", JOB_ACTIONS);
    devices.createPolicy("connect-only", Policies.CONNECT_ANY);
    lamp = devices.register("https-lamp", "job-actions");
    stranger = devices.register("https-other", "connect-only");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private DeviceHttpsClient client(Device device) throws Exception {
    return new DeviceHttpsClient(devices, device, server.server().dataPort());
  }

  @Test
  void aDeviceWhosePoliciesAllowTheJobActions_takesItsJobOverHttps() throws Exception {
    iot.createJob(
        b ->
            b.jobId("https-job")
                .targets("arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":thing/https-lamp")
                .document("{\"operation\":\"blink\"}"));
    DeviceHttpsClient https = client(lamp);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> https.send("GET", "/things/https-lamp/jobs", null).body().contains("https-job"));

    HttpResponse<String> started = https.send("PUT", "/things/https-lamp/jobs/$next", "{}");
    assertThat(started.statusCode()).isEqualTo(200);
    JsonNode execution = JSON.readTree(started.body()).get("execution");
    assertThat(execution.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(execution.get("jobDocument").asText()).isEqualTo("{\"operation\":\"blink\"}");

    HttpResponse<String> described = https.send("GET", "/things/https-lamp/jobs/https-job", null);
    assertThat(JSON.readTree(described.body()).get("execution").get("versionNumber").asLong())
        .isEqualTo(2);

    HttpResponse<String> updated =
        https.send(
            "POST",
            "/things/https-lamp/jobs/https-job",
            "{\"status\":\"SUCCEEDED\",\"expectedVersion\":2,\"includeJobExecutionState\":true}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).get("executionState").get("status").asText())
        .isEqualTo("SUCCEEDED");

    HttpResponse<String> again =
        https.send("POST", "/things/https-lamp/jobs/https-job", "{\"status\":\"IN_PROGRESS\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("x-amzn-ErrorType"))
        .contains("InvalidStateTransitionException");
  }

  @Test
  void aDeviceWithoutTheJobActions_orAskingForAnotherThing_isForbidden() throws Exception {
    HttpResponse<String> withoutActions =
        client(stranger).send("GET", "/things/https-other/jobs", null);
    assertThat(withoutActions.statusCode()).isEqualTo(403);
    assertThat(withoutActions.headers().firstValue("x-amzn-ErrorType"))
        .contains("ForbiddenException");

    HttpResponse<String> anotherThing = client(lamp).send("GET", "/things/https-other/jobs", null);
    assertThat(anotherThing.statusCode()).isEqualTo(403);
  }

  @Test
  void aRevokedCertificate_isACertificateValidationError() throws Exception {
    Device revoked = devices.register("https-revoked", "job-actions");
    iot.updateCertificate(b -> b.certificateId(revoked.certificateId()).newStatus("REVOKED"));

    HttpResponse<String> response = client(revoked).send("GET", "/things/https-revoked/jobs", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("CertificateValidationException");
  }
}
