package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lamplighter} command line as an operator uses it. */
class CommandLineIT {
  @TempDir Path dir;

  @Test
  void everyCommandsHelp_endsWithRunnableExamples() {
    for (String[] command :
        new String[][] {
          {"--help"},
          {"server", "--help"},
          {"accounts", "--help"},
          {"accounts", "create", "--help"},
          {"accounts", "list", "--help"},
          {"accounts", "disable", "--help"},
          {"accounts", "create-key", "--help"},
          {"accounts", "list-keys", "--help"},
          {"accounts", "disable-key", "--help"}
        }) {
      ServerProcess help = ServerProcess.run(Map.of(), command);
      assertThat(help.awaitExit()).as(String.join(" ", command)).isZero();
      String text = help.output().strip();
      assertThat(text).as(String.join(" ", command)).contains("Examples:");
      assertThat(text.substring(text.lastIndexOf("Examples:")))
          .as(String.join(" ", command))
          .containsPattern("1\\. .*")
          .contains("lamplighter");
    }
  }

  @Test
  void serverHelp_listsSettingsWithTheirEnvironmentVariables() {
    ServerProcess help = ServerProcess.run(Map.of(), "server", "--help");
    help.awaitExit();

    assertThat(help.output())
        .contains("--api-port")
        .contains("LAMPLIGHTER_API_PORT")
        .contains("--data-dir")
        .contains("--store-url")
        .doesNotContain("--master-key");
  }

  @Test
  void unknownEnvironmentVariable_stopsStartUp_namingIt() {
    ServerProcess server =
        ServerProcess.run(
            Map.of("LAMPLIGHTER_API_PROT", "9000"),
            "server",
            "--data-dir",
            dir.resolve("d").toString());

    assertThat(server.awaitExit()).isEqualTo(2);
    assertThat(server.output()).contains("LAMPLIGHTER_API_PROT");
  }

  @Test
  void unknownConfigFileKey_stopsStartUp_namingIt() throws Exception {
    Path config = dir.resolve("lamplighter.conf");
    Files.writeString(config, "api-port = 0\napi-prot = 9000\n");

    ServerProcess server =
        ServerProcess.run(
            Map.of(),
            "server",
            "--config",
            config.toString(),
            "--data-dir",
            dir.resolve("d").toString());

    assertThat(server.awaitExit()).isEqualTo(2);
    assertThat(server.output()).contains("api-prot").contains(config.toString());
  }

  @Test
  void badFlagValue_stopsStartUp_namingTheFlag() {
    ServerProcess server =
        ServerProcess.run(
            Map.of(), "server", "--api-port", "70000", "--data-dir", dir.resolve("d").toString());

    assertThat(server.awaitExit()).isEqualTo(2);
    assertThat(server.output()).contains("--api-port").contains("between 0 and 65535");
  }

  @Test
  void configFile_setsThePort() throws Exception {
    Path config = dir.resolve("lamplighter.conf");
    Files.writeString(
        config,
        "# test\napi-port = 0\nmqtt-port = 0\ndata-port = 0\ndata-dir = "
            + dir.resolve("fromfile")
            + "\n");

    try (ServerProcess server =
        ServerProcess.run(Map.of(), "server", "--config", config.toString())) {
      assertThat(server.awaitPort()).isPositive();
      assertThat(Files.isDirectory(dir.resolve("fromfile"))).isTrue();
    }
  }

  @Test
  void firstStart_withoutRootCredentials_printsGeneratedKeyOnce() {
    Path data = dir.resolve("fresh");
    String first;
    try (ServerProcess server =
        ServerProcess.runWithoutRoot(
            "server",
            "--api-port",
            "0",
            "--mqtt-port",
            "0",
            "--data-port",
            "0",
            "--data-dir",
            data.toString())) {
      server.awaitPort();
      // The key is printed just after the "listening" line the port is read from.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.output().contains("AWS_SECRET_ACCESS_KEY="));
      first = server.output();
    }
    try (ServerProcess again =
        ServerProcess.runWithoutRoot(
            "server",
            "--api-port",
            "0",
            "--mqtt-port",
            "0",
            "--data-port",
            "0",
            "--data-dir",
            data.toString())) {
      again.awaitPort();
      assertThat(again.output()).doesNotContain("AWS_SECRET_ACCESS_KEY");
    }
    assertThat(first)
        .contains("AWS_ACCESS_KEY_ID=LLAK")
        .contains("AWS_SECRET_ACCESS_KEY=")
        .containsPattern("aws --endpoint-url http://localhost:[1-9][0-9]* iot list-things");
  }

  @Test
  void accountsCommands_createListAndDisable() {
    String data = dir.resolve("admin").toString();
    ServerProcess create =
        ServerProcess.run(
            Map.of(),
            "accounts",
            "create",
            "--name",
            "turin",
            "--account-id",
            "777788889999",
            "--data-dir",
            data);
    assertThat(create.awaitExit()).isZero();
    Matcher key = Pattern.compile("access key id:\\s+(\\S+)").matcher(create.output());
    assertThat(key.find()).as(create.output()).isTrue();
    assertThat(create.output()).contains("secret access key:");

    ServerProcess list = ServerProcess.run(Map.of(), "accounts", "list", "--data-dir", data);
    assertThat(list.awaitExit()).isZero();
    assertThat(list.output()).contains("777788889999").contains("turin").contains("ACTIVE");

    ServerProcess disable =
        ServerProcess.run(Map.of(), "accounts", "disable-key", key.group(1), "--data-dir", data);
    assertThat(disable.awaitExit()).isZero();
    ServerProcess keys =
        ServerProcess.run(Map.of(), "accounts", "list-keys", "777788889999", "--data-dir", data);
    assertThat(keys.awaitExit()).isZero();
    assertThat(keys.output()).contains(key.group(1)).contains("DISABLED");

    ServerProcess unknown =
        ServerProcess.run(Map.of(), "accounts", "list-keys", "000000000000", "--data-dir", data);
    assertThat(unknown.awaitExit()).isEqualTo(1);
    assertThat(unknown.output()).contains("000000000000");
  }
}
