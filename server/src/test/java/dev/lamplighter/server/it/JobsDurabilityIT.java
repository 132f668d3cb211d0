package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;

/**
 * A rollout survives {@code kill -9}: the server process is killed while a job rolls out at 120
 * things a minute, restarted on the same data directory, and the rollout goes on where it stopped,
 * at its rate (no burst for the time it was down), until every thing has exactly one execution.
 */
class JobsDurabilityIT {
  private static final int THINGS = 30;
  private static final int PER_MINUTE = 120;

  @TempDir Path dataDir;

  @Test
  void killedMidRollout_theRolloutContinuesAtItsRate_andNothingIsLostOrDoubled() {
    int before;
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      iot.createThingGroup(b -> b.thingGroupName("lamps"));
      for (int i = 0; i < THINGS; i++) {
        String name = String.format("lamp-%02d", i);
        iot.createThing(b -> b.thingName(name));
        iot.addThingToThingGroup(b -> b.thingGroupName("lamps").thingName(name));
      }
      iot.createJob(
          b ->
              b.jobId("rollout")
                  .targets("arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":thinggroup/lamps")
                  .document("{\"operation\":\"upgrade\"}")
                  .jobExecutionsRolloutConfig(r -> r.maximumPerMinute(PER_MINUTE)));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> executions(iot).size() >= 6);
      before = executions(iot).size();
      server.kill();
    } catch (RuntimeException e) {
      throw e;
    }

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotClient iot = client(restarted)) {
      long restartedAt = System.nanoTime();
      int atRestart = executions(iot).size();
      assertThat(atRestart)
          .as("executions rolled out before the kill")
          .isGreaterThanOrEqualTo(before);
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> executions(iot).size() == THINGS);
      double seconds = (System.nanoTime() - restartedAt) / 1e9;
      // The rest came at the rate, not at once: at 2 a second, (THINGS - atRestart) take at least
      // half that many seconds, less one for the first.
      assertThat(seconds).isGreaterThan((THINGS - atRestart - 2) / 2.0 * 0.8);
      List<String> things = new ArrayList<>();
      for (JobExecutionSummaryForJob summary : executions(iot)) {
        things.add(summary.thingArn());
        assertThat(summary.jobExecutionSummary().executionNumber()).isEqualTo(1L);
      }
      assertThat(things).hasSize(THINGS).doesNotHaveDuplicates();
    }
  }

  private static List<JobExecutionSummaryForJob> executions(IotClient iot) {
    return iot.listJobExecutionsForJob(b -> b.jobId("rollout").maxResults(250))
        .executionSummaries();
  }

  private static IotClient client(ServerProcess server) {
    return IotClient.builder()
        .endpointOverride(server.endpoint())
        .region(TestServer.REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(TestServer.ROOT_KEY, TestServer.ROOT_SECRET)))
        .httpClient(ApacheHttpClient.create())
        .build();
  }
}
