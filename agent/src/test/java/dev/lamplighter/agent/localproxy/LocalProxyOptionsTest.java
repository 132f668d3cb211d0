package dev.lamplighter.agent.localproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalProxyOptionsTest {
  private static final String CLIENT_TOKEN = "0123456789abcdef-0123456789abcdef";

  private static LocalProxyOptions source(String ports) {
    return new LocalProxyOptions("relay.example:8443", ports, null, "cat", null, null, null);
  }

  private static LocalProxyOptions destination(String apps) {
    return new LocalProxyOptions("relay.example:8443", null, apps, "cat", null, null, null);
  }

  @Test
  void sourcePort_unnamed_isOneEntryWithoutServiceId() {
    LocalProxyConfig config = source("5555").toConfig(Map.of());

    assertThat(config.mode()).isEqualTo(Mode.SOURCE);
    assertThat(config.endpointHost()).isEqualTo("relay.example");
    assertThat(config.endpointPort()).isEqualTo(8443);
    assertThat(config.services()).containsExactly(new ServiceMapping("", null, 5555));
    assertThat(config.bindAddress()).isEqualTo("localhost");
  }

  @Test
  void sourcePorts_named_areEntriesInOrder() {
    assertThat(source("SSH1=5555, RDP=6666").toConfig(Map.of()).services())
        .containsExactly(
            new ServiceMapping("SSH1", null, 5555), new ServiceMapping("RDP", null, 6666));
  }

  @Test
  void destinationApps_everyForm() {
    assertThat(destination("22").toConfig(Map.of()).services())
        .containsExactly(new ServiceMapping("", "localhost", 22));
    assertThat(destination("10.0.0.5:22").toConfig(Map.of()).services())
        .containsExactly(new ServiceMapping("", "10.0.0.5", 22));
    assertThat(destination("SSH1=22").toConfig(Map.of()).services())
        .containsExactly(new ServiceMapping("SSH1", "localhost", 22));
    assertThat(destination("SSH1=host.lan:22,RDP=[::1]:3389").toConfig(Map.of()).services())
        .containsExactly(
            new ServiceMapping("SSH1", "host.lan", 22), new ServiceMapping("RDP", "::1", 3389));
  }

  @Test
  void endpointWithoutPort_uses443() {
    LocalProxyOptions options =
        new LocalProxyOptions("relay.example", "5555", null, "cat", null, null, null);
    assertThat(options.toConfig(Map.of()).endpointPort()).isEqualTo(443);
  }

  @Test
  void tokens_comeFromTheEnvironmentWhenNotGiven() {
    LocalProxyOptions options =
        new LocalProxyOptions("relay.example:443", "5555", null, null, null, null, "0.0.0.0");

    LocalProxyConfig config =
        options.toConfig(
            Map.of(
                "AWSIOT_TUNNEL_ACCESS_TOKEN",
                "from-env",
                "AWSIOT_TUNNEL_CLIENT_TOKEN",
                CLIENT_TOKEN));

    assertThat(config.accessToken()).isEqualTo("from-env");
    assertThat(config.clientToken()).isEqualTo(CLIENT_TOKEN);
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void tokens_givenAsFlags_winOverTheEnvironment() {
    LocalProxyOptions options =
        new LocalProxyOptions("relay.example:443", "5555", null, "flag", null, null, null);
    assertThat(options.toConfig(Map.of("AWSIOT_TUNNEL_ACCESS_TOKEN", "env")).accessToken())
        .isEqualTo("flag");
  }

  @Test
  void missingAccessToken_isRefused() {
    LocalProxyOptions options =
        new LocalProxyOptions("relay.example:443", "5555", null, null, null, null, null);
    assertThatThrownBy(() -> options.toConfig(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWSIOT_TUNNEL_ACCESS_TOKEN");
  }

  @Test
  void badClientToken_isRefused() {
    for (String bad : List.of("short", "x".repeat(129), "0123456789abcdef_0123456789abcdef")) {
      LocalProxyOptions options =
          new LocalProxyOptions("relay.example:443", "5555", null, "cat", bad, null, null);
      assertThatThrownBy(() -> options.toConfig(Map.of()))
          .as(bad)
          .hasMessageContaining("-i/--client-token");
    }
  }

  @Test
  void sourceAndDestinationTogether_orNeither_isRefused() {
    assertThatThrownBy(
            () ->
                new LocalProxyOptions("relay.example:443", "5555", "22", "cat", null, null, null)
                    .toConfig(Map.of()))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(
            () ->
                new LocalProxyOptions("relay.example:443", null, null, "cat", null, null, null)
                    .toConfig(Map.of()))
        .hasMessageContaining("exactly one");
  }

  @Test
  void malformedMappings_areRefusedNamingTheOption() {
    for (String bad :
        List.of("", "abc", "70000", "SSH1=5555,SSH1=6666", "5555,6666", "SSH1=5555,6666", "=5")) {
      assertThatThrownBy(() -> source(bad).toConfig(Map.of()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-s/--source-listen-port");
    }
    for (String bad : List.of("SSH1=:22", "host:0", "host:x")) {
      assertThatThrownBy(() -> destination(bad).toConfig(Map.of()))
          .as(bad)
          .hasMessageContaining("-d/--destination-app");
    }
  }

  @Test
  void missingEndpoint_isRefused() {
    assertThatThrownBy(
            () ->
                new LocalProxyOptions(null, "5555", null, "cat", null, null, null)
                    .toConfig(Map.of()))
        .hasMessageContaining("-e/--proxy-endpoint");
  }

  @Test
  void unreadableCaPath_isRefused() {
    assertThatThrownBy(
            () ->
                new LocalProxyOptions(
                        "relay.example:443", "5555", null, "cat", null, "/no/such/ca.pem", null)
                    .toConfig(Map.of()))
        .hasMessageContaining("-c/--capath");
  }
}
