package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lamplighter.testkit.DeviceTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.TargetSelection;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * Jobs working with the rest of the fleet: a continuous job on a dynamic group of the fleet index
 * reaches a lamp as its firmware attribute changes, and a job document's presigned-URL placeholder
 * becomes a download of the built-in file store on the data-plane port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsFleetIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private TestServer server;
  private IotClient iot;
  private IotJobsDataPlaneClient devices;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iot = server.iot();
    devices = server.jobsData();
    await().atMost(WAIT).until(() -> server.server().deviceTlsReady());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String arn(String type, String name) {
    return "arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":" + type + "/" + name;
  }

  private JobExecutionStatus statusOn(String jobId, String thing) {
    return iot
        .listJobExecutionsForThing(b -> b.thingName(thing).jobId(jobId))
        .executionSummaries()
        .stream()
        .findFirst()
        .map(s -> s.jobExecutionSummary().status())
        .orElse(null);
  }

  @Test
  void aContinuousJobOnADynamicGroup_reachesALampWhenItsFirmwareBecomesOld() {
    iot.createThing(
        b ->
            b.thingName("lamp-old").attributePayload(a -> a.attributes(Map.of("firmware", "1.4"))));
    iot.createThing(
        b ->
            b.thingName("lamp-new").attributePayload(a -> a.attributes(Map.of("firmware", "2.0"))));
    iot.createDynamicThingGroup(
        b -> b.thingGroupName("old-firmware").queryString("attributes.firmware:1.*"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                iot.listThingsInThingGroup(b -> b.thingGroupName("old-firmware"))
                    .things()
                    .contains("lamp-old"));

    iot.createJob(
        b ->
            b.jobId("upgrade-old")
                .targets(arn("thinggroup", "old-firmware"))
                .targetSelection(TargetSelection.CONTINUOUS)
                .document("{\"operation\":\"upgrade\",\"to\":\"2.0\"}"));
    await()
        .atMost(WAIT)
        .until(() -> statusOn("upgrade-old", "lamp-old") == JobExecutionStatus.QUEUED);
    assertThat(statusOn("upgrade-old", "lamp-new")).isNull();

    // A lamp downgraded by hand joins the group: the job reaches it.
    iot.updateThing(
        b ->
            b.thingName("lamp-new").attributePayload(a -> a.attributes(Map.of("firmware", "1.9"))));
    await()
        .atMost(WAIT)
        .until(() -> statusOn("upgrade-old", "lamp-new") == JobExecutionStatus.QUEUED);

    // The other one was upgraded another way before taking the job: it leaves, its job is removed.
    iot.updateThing(
        b ->
            b.thingName("lamp-old").attributePayload(a -> a.attributes(Map.of("firmware", "2.0"))));
    await()
        .atMost(WAIT)
        .until(() -> statusOn("upgrade-old", "lamp-old") == JobExecutionStatus.REMOVED);
    assertThat(iot.describeJob(b -> b.jobId("upgrade-old")).job().statusAsString())
        .isEqualTo("IN_PROGRESS");
  }

  @Test
  void aPresignedUrlPlaceholder_becomesADownloadOfTheFileStore_thatExpiresAndCannotBeForged()
      throws Exception {
    Path firmware = server.dataDir.resolve("files").resolve("firmware").resolve("lamp-2.1.bin");
    Files.createDirectories(firmware.getParent());
    byte[] image = new byte[200_000];
    new java.util.Random(7).nextBytes(image);
    Files.write(firmware, image);
    iot.createThing(b -> b.thingName("lamp-dl"));

    iot.createJob(
        b ->
            b.jobId("download")
                .targets(arn("thing", "lamp-dl"))
                .presignedUrlConfig(p -> p.expiresInSec(120L))
                .document(
                    "{\"url\":\"${aws:iot:s3-presigned-url:https://s3.eu-west-1.amazonaws.com/"
                        + "firmware/lamp-2.1.bin}\"}"));
    await().atMost(WAIT).until(() -> statusOn("download", "lamp-dl") == JobExecutionStatus.QUEUED);
    String document =
        devices
            .describeJobExecution(b -> b.thingName("lamp-dl").jobId("download"))
            .execution()
            .jobDocument();
    Matcher url = Pattern.compile("\"url\":\"(https://[^\"]+)\"").matcher(document);
    assertThat(url.find()).as(document).isTrue();
    assertThat(url.group(1))
        .startsWith(
            "https://localhost:" + server.server().dataPort() + "/files/firmware/lamp-2.1.bin?");
    assertThat(iot.getJobDocument(b -> b.jobId("download")).document())
        .contains("${aws:iot:s3-presigned-url:");

    HttpClient https = httpsTrustingTheServer();
    HttpResponse<byte[]> download =
        https.send(
            HttpRequest.newBuilder(URI.create(url.group(1))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(image);

    String forged = url.group(1).replace("lamp-2.1.bin", "lamp-2.2.bin");
    assertThat(
            https
                .send(
                    HttpRequest.newBuilder(URI.create(forged)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(403);
    String extended = url.group(1).replaceAll("expires=\\d+", "expires=9999999999");
    assertThat(
            https
                .send(
                    HttpRequest.newBuilder(URI.create(extended)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(403);
  }

  private HttpClient httpsTrustingTheServer() throws Exception {
    String rootCa =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.endpoint().resolve("/root-ca.pem")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, DeviceTls.trustManager(rootCa).getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }
}
