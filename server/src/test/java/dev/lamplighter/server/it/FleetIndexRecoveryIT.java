package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.IndexNotReadyException;
import software.amazon.awssdk.services.iot.model.ThingDocument;

/**
 * The fleet index is derived from the store: after kill -9 it catches up with what was
 * acknowledged, and when its directory is lost it is rebuilt from the change log.
 */
class FleetIndexRecoveryIT {
  private static final Duration CAUGHT_UP = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void afterKillDashNine_theIndexCatchesUpWithEveryAcknowledgedWrite() {
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      createLights(iot, 0, 30);
      // Killed at once: most of these are in the store but not yet in a committed index.
      server.kill();
    }

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotClient iot = client(restarted)) {
      createLights(iot, 30, 40);
      await()
          .atMost(CAUGHT_UP)
          .ignoreException(IndexNotReadyException.class)
          .until(() -> search(iot, "attributes.kind:lamp").size() == 40);
      assertThat(search(iot, "attributes.n:29")).containsExactly("light-29");
    }
  }

  @Test
  void lostIndexDirectory_isRebuiltFromTheChangeLog() throws IOException {
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      createLights(iot, 0, 25);
      iot.deleteThing(b -> b.thingName("light-3"));
      await().atMost(CAUGHT_UP).until(() -> search(iot, "attributes.kind:lamp").size() == 24);
      server.terminate();
      server.awaitExit();
    }
    deleteRecursively(dataDir.resolve("index"));

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotClient iot = client(restarted)) {
      await()
          .atMost(CAUGHT_UP)
          .ignoreException(IndexNotReadyException.class)
          .until(() -> search(iot, "attributes.kind:lamp").size() == 24);
      assertThat(search(iot, "thingName:light-3")).isEmpty();
      assertThat(Files.isDirectory(dataDir.resolve("index"))).isTrue();
    }
  }

  private static void createLights(IotClient iot, int from, int to) {
    for (int i = from; i < to; i++) {
      String name = "light-" + i;
      String n = Integer.toString(i);
      iot.createThing(
          b ->
              b.thingName(name)
                  .attributePayload(a -> a.attributes(Map.of("kind", "lamp", "n", n))));
    }
  }

  private static List<String> search(IotClient iot, String query) {
    return iot.searchIndex(b -> b.queryString(query)).things().stream()
        .map(ThingDocument::thingName)
        .toList();
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
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
