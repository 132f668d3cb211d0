package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.NewAccessKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Access-key secrets are never written to the data directory in plain text. */
class SecretsAtRestIT {

  @Test
  void secretAccessKeys_areNotInTheDataDirectory() throws Exception {
    NewAccessKey created;
    Path dataDir;
    try (TestServer server = TestServer.start()) {
      dataDir = server.dataDir;
      created =
          server
              .server()
              .backend()
              .security()
              .accounts()
              .createAccessKey(AccountId.of(TestServer.ROOT_ACCOUNT));
      try (var iot =
          server.iot(created.key().accessKeyId(), created.secretAccessKey(), TestServer.REGION)) {
        iot.listThings();
      }
    }

    List<Path> files;
    try (Stream<Path> walk = Files.walk(dataDir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes)
          .as(file.getFileName().toString())
          .doesNotContain(created.secretAccessKey())
          .doesNotContain(TestServer.ROOT_SECRET);
    }
  }
}
