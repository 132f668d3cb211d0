package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.DeviceTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
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

  private HttpClient client(Device device) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        DeviceTls.keyManager(device.certificatePem(), device.privateKeyPem()).getKeyManagers(),
        DeviceTls.trustManager(devices.rootCaPem()).getTrustManagers(),
        null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private HttpResponse<String> send(HttpClient client, String method, String path, String body)
      throws Exception {
    URI uri = URI.create("https://localhost:" + server.server().dataPort() + path);
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return client.send(
        HttpRequest.newBuilder(uri).method(method, publisher).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDeviceWhosePoliciesAllowTheJobActions_takesItsJobOverHttps() throws Exception {
    iot.createJob(
        b ->
            b.jobId("https-job")
                .targets("arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":thing/https-lamp")
                .document("{\"operation\":\"blink\"}"));
    HttpClient https = client(lamp);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> send(https, "GET", "/things/https-lamp/jobs", null).body().contains("https-job"));

    HttpResponse<String> started = send(https, "PUT", "/things/https-lamp/jobs/$next", "{}");
    assertThat(started.statusCode()).isEqualTo(200);
    JsonNode execution = JSON.readTree(started.body()).get("execution");
    assertThat(execution.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(execution.get("jobDocument").asText()).isEqualTo("{\"operation\":\"blink\"}");

    HttpResponse<String> described = send(https, "GET", "/things/https-lamp/jobs/https-job", null);
    assertThat(JSON.readTree(described.body()).get("execution").get("versionNumber").asLong())
        .isEqualTo(2);

    HttpResponse<String> updated =
        send(
            https,
            "POST",
            "/things/https-lamp/jobs/https-job",
            "{\"status\":\"SUCCEEDED\",\"expectedVersion\":2,\"includeJobExecutionState\":true}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).get("executionState").get("status").asText())
        .isEqualTo("SUCCEEDED");

    HttpResponse<String> again =
        send(https, "POST", "/things/https-lamp/jobs/https-job", "{\"status\":\"IN_PROGRESS\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("x-amzn-ErrorType"))
        .contains("InvalidStateTransitionException");
  }

  @Test
  void aDeviceWithoutTheJobActions_orAskingForAnotherThing_isForbidden() throws Exception {
    HttpResponse<String> withoutActions =
        send(client(stranger), "GET", "/things/https-other/jobs", null);
    assertThat(withoutActions.statusCode()).isEqualTo(403);
    assertThat(withoutActions.headers().firstValue("x-amzn-ErrorType"))
        .contains("ForbiddenException");

    HttpResponse<String> anotherThing = send(client(lamp), "GET", "/things/https-other/jobs", null);
    assertThat(anotherThing.statusCode()).isEqualTo(403);
  }

  @Test
  void aRevokedCertificate_isACertificateValidationError() throws Exception {
    Device revoked = devices.register("https-revoked", "job-actions");
    iot.updateCertificate(b -> b.certificateId(revoked.certificateId()).newStatus("REVOKED"));

    HttpResponse<String> response =
        send(client(revoked), "GET", "/things/https-revoked/jobs", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("CertificateValidationException");
  }
}
