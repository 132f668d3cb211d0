package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixesTest {

  /** How both stores compare text: by UTF-8 bytes. */
  private static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void upperBound_incrementsTheLastCharacter() {
    assertThat(Prefixes.upperBound("north")).contains("norti");
    assertThat(Prefixes.upperBound("a-")).contains("a.");
  }

  @Test
  void upperBound_ofTheEmptyPrefix_isNone() {
    assertThat(Prefixes.upperBound("")).isEmpty();
  }

  @Test
  void upperBound_dropsTrailingLargestCodePoints() {
    String max = new String(Character.toChars(Character.MAX_CODE_POINT));

    assertThat(Prefixes.upperBound("a" + max + max)).contains("b");
    assertThat(Prefixes.upperBound(max)).isEmpty();
  }

  @Test
  void upperBound_skipsTheSurrogateRange() {
    assertThat(Prefixes.upperBound("\uD7FF")).contains("\uE000");
  }

  @Test
  void rangeFromPrefixToUpperBound_holdsExactlyTheStringsStartingWithThePrefix() {
    String emoji = new String(Character.toChars(0x1F4A1));
    List<String> prefixes = List.of("lamp", "la", "l\uFFFF", "x" + emoji);
    List<String> samples =
        List.of(
            "lamp",
            "lamp-1",
            "lamq",
            "lamo~",
            "la",
            "lb",
            "l",
            "l\uFFFF",
            "l\uFFFFz",
            "l" + emoji,
            "x" + emoji,
            "x" + emoji + "!",
            "x\uFFFF",
            "y");
    for (String prefix : prefixes) {
      String upper = Prefixes.upperBound(prefix).orElseThrow();
      for (String sample : samples) {
        boolean inRange = compareBytes(sample, prefix) >= 0 && compareBytes(sample, upper) < 0;
        assertThat(inRange)
            .as("'%s' for prefix '%s'", sample, prefix)
            .isEqualTo(sample.startsWith(prefix));
      }
    }
  }
}
