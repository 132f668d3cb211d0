package dev.lamplighter.bench.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MosquittoConfigTest {
  private final MosquittoConfig config = new MosquittoConfig(18883, Path.of("/tmp/run/mosquitto"));

  @Test
  void listener_requiresAClientCertificateOverTls12OrLater_onLoopbackOnly() {
    List<String> lines = config.text().lines().toList();

    assertThat(lines)
        .containsSubsequence(
            "listener 18883 127.0.0.1",
            "cafile /tmp/run/mosquitto/ca.pem",
            "certfile /tmp/run/mosquitto/server.pem",
            "keyfile /tmp/run/mosquitto/server.key",
            "require_certificate true",
            "use_identity_as_username false",
            "tls_version tlsv1.2");
  }

  @Test
  void queuesAndPersistence_matchLamplighterDefaults_withMosquittoDefaultAutosave() {
    List<String> lines = config.text().lines().toList();

    assertThat(lines)
        .contains(
            "persistence true",
            "persistence_location /tmp/run/mosquitto/",
            "max_inflight_messages 100",
            "max_queued_messages 100000",
            "allow_anonymous true",
            "user root");
    assertThat(lines).noneMatch(l -> l.startsWith("autosave_interval"));
    assertThat(lines).noneMatch(l -> l.startsWith("acl_file") || l.startsWith("password_file"));
    assertThat(config.summary()).contains("autosave_interval=1800s(default)");
  }
}
