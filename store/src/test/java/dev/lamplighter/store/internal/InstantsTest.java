package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantsTest {

  @Test
  void format_isFixedWidthUtc_andParsesBackExactly() {
    Instant instant = Instant.parse("2026-01-02T03:04:05.000000007Z");

    assertThat(Instants.format(instant)).isEqualTo("2026-01-02T03:04:05.000000007Z");
    assertThat(Instants.parse(Instants.format(instant))).isEqualTo(instant);
    assertThat(Instants.format(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000000000Z");
  }

  @Test
  void formattedText_sortsInTimeOrder() {
    List<Instant> instants =
        List.of(
            Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-02T03:04:05.1Z"),
            Instant.parse("2026-01-02T03:04:05.099999999Z"),
            Instant.parse("1999-12-31T23:59:59.9Z"));

    assertThat(instants.stream().map(Instants::format).sorted().map(Instants::parse))
        .containsExactlyElementsOf(instants.stream().sorted().toList());
  }

  @Test
  void fastParse_agreesWithTheJdk_acrossDatesAndFractions() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
      assertThat(Instants.parse(Instants.format(instant))).isEqualTo(instant);
    }
  }

  @Test
  void otherIsoShapes_stillParse() {
    assertThat(Instants.parse("2026-01-02T03:04:05Z"))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void null_staysNull() {
    assertThat(Instants.format(null)).isNull();
    assertThat(Instants.parse(null)).isNull();
  }
}
