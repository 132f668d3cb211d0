package dev.lamplighter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final Setting<Integer> API_PORT = Setting.port("api-port", 8080, "API port");
  private static final Setting<Duration> DELAY =
      Setting.duration("type-delete-delay", "5m", "delay");
  private static final Setting<String> SECRET = Setting.secret("master-key", "key");
  private static final List<Setting<?>> KNOWN = List.of(API_PORT, DELAY, SECRET);

  @Test
  void integer_outsideItsRange_stopsStartUp_namingTheRange() {
    Setting<Integer> pool = Setting.integer("pool-size", 8, 1, 64, "pool");

    assertThat(Settings.resolve(List.of(pool), Map.of(), Map.of(), Map.of(), "f").get(pool))
        .isEqualTo(8);
    assertThat(
            Settings.resolve(List.of(pool), Map.of("pool-size", "12"), Map.of(), Map.of(), "f")
                .get(pool))
        .isEqualTo(12);
    assertThatThrownBy(
            () ->
                Settings.resolve(List.of(pool), Map.of("pool-size", "0"), Map.of(), Map.of(), "f"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--pool-size")
        .hasMessageContaining("between 1 and 64");
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    List.of(pool), Map.of("pool-size", "many"), Map.of(), Map.of(), "f"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not a whole number");
  }

  @Test
  void defaults_applyWhenNothingIsSet() {
    Settings settings = Settings.resolve(KNOWN, Map.of(), Map.of(), Map.of(), "file");

    assertThat(settings.get(API_PORT)).isEqualTo(8080);
    assertThat(settings.get(DELAY)).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.find(SECRET)).isEmpty();
  }

  @Test
  void duration_zeroNeedsNoUnit_otherNumbersDo() {
    assertThat(
            Settings.resolve(KNOWN, Map.of("type-delete-delay", "0"), Map.of(), Map.of(), "f")
                .get(DELAY))
        .isZero();
    assertThat(
            Settings.resolve(KNOWN, Map.of("type-delete-delay", "250ms"), Map.of(), Map.of(), "f")
                .get(DELAY))
        .isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(
            () ->
                Settings.resolve(KNOWN, Map.of("type-delete-delay", "2"), Map.of(), Map.of(), "f"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("type-delete-delay");
  }

  @Test
  void flag_beatsEnvironment_beatsFile() {
    Map<String, String> env = Map.of("LAMPLIGHTER_API_PORT", "9000");
    Map<String, String> file = Map.of("api-port", "9001");

    assertThat(Settings.resolve(KNOWN, Map.of("api-port", "0"), env, file, "f").get(API_PORT))
        .isZero();
    assertThat(Settings.resolve(KNOWN, Map.of(), env, file, "f").get(API_PORT)).isEqualTo(9000);
    assertThat(Settings.resolve(KNOWN, Map.of(), Map.of(), file, "f").get(API_PORT))
        .isEqualTo(9001);
  }

  @Test
  void unknownFileKey_stopsStartUp_namingTheKey() {
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    KNOWN, Map.of(), Map.of(), Map.of("api-prot", "1"), "lamplighter.conf"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api-prot")
        .hasMessageContaining("lamplighter.conf");
  }

  @Test
  void unknownLamplighterVariable_stopsStartUp_namingIt() {
    Map<String, String> env = Map.of("LAMPLIGHTER_API_PROT", "1", "HOME", "/root");

    assertThatThrownBy(() -> Settings.resolve(KNOWN, Map.of(), env, Map.of(), "f"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LAMPLIGHTER_API_PROT");
  }

  @Test
  void badValue_stopsStartUp_namingKeyAndSource() {
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    KNOWN, Map.of(), Map.of("LAMPLIGHTER_API_PORT", "70000"), Map.of(), "f"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LAMPLIGHTER_API_PORT")
        .hasMessageContaining("between 0 and 65535");
  }

  @Test
  void badSecret_isNotEchoed() {
    Setting<String> strict =
        SECRET.validatedBy(
            v -> {
              throw new IllegalArgumentException("too short");
            });

    assertThatThrownBy(
            () ->
                Settings.resolve(
                    List.of(strict), Map.of("master-key", "hunter2"), Map.of(), Map.of(), "f"))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("--master-key");
  }

  @Test
  void configFile_parsesKeyValueLines_andRejectsGarbage() {
    assertThat(ConfigFile.parse(List.of("# comment", "", "api-port = 9000 "), "f"))
        .containsExactly(Map.entry("api-port", "9000"));
    assertThatThrownBy(() -> ConfigFile.parse(List.of("api-port 9000"), "lamplighter.conf"))
        .hasMessageContaining("lamplighter.conf line 1");
  }
}
