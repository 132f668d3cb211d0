package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;

/** The server as a process: kill -9 loses nothing acknowledged, SIGTERM stops it gracefully. */
class ProcessLifecycleIT {
  @TempDir Path dataDir;

  @Test
  void acknowledgedWrites_surviveKillDashNine() {
    List<String> created = new ArrayList<>();
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      for (int i = 0; i < 50; i++) {
        String name = "survivor-" + i;
        iot.createThing(
            b -> b.thingName(name).attributePayload(a -> a.attributes(Map.of("n", name))));
        created.add(name);
      }
      iot.updateThing(
          b ->
              b.thingName("survivor-0")
                  .attributePayload(a -> a.attributes(Map.of("n", "updated"))));
      server.kill();
    }

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotClient iot = client(restarted)) {
      List<String> names =
          iot.listThingsPaginator(b -> b.maxResults(250)).things().stream()
              .map(t -> t.thingName())
              .toList();
      assertThat(names).containsExactlyInAnyOrderElementsOf(created);
      assertThat(iot.describeThing(b -> b.thingName("survivor-0")).attributes())
          .containsEntry("n", "updated");
    }
  }

  @Test
  void sigterm_stopsGracefully() {
    try (ServerProcess server = ServerProcess.startServer(dataDir)) {
      server.terminate();
      int exit = server.awaitExit();

      assertThat(server.output()).contains("Stopped");
      assertThat(exit).isIn(0, 143);
    }
  }

  @Test
  void dataDirectory_isPrivateToItsOwner() throws Exception {
    try (ServerProcess server = ServerProcess.startServer(dataDir.resolve("private"))) {
      server.terminate();
      server.awaitExit();
    }
    Path dir = dataDir.resolve("private");
    assertThat(Files.getPosixFilePermissions(dir))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> readableByOthers =
          files
              .filter(
                  p -> {
                    try {
                      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                      return perms.contains(PosixFilePermission.OTHERS_READ)
                          || perms.contains(PosixFilePermission.GROUP_READ);
                    } catch (java.io.IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      assertThat(readableByOthers).isEmpty();
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
