package dev.lamplighter.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.event.ChangeRecord;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LogHeadTest {

  /** A log whose entries carry the given sequences. */
  private static ChangeLog logOf(long... sequences) {
    return new ChangeLog() {
      @Override
      public void append(ChangeRecord record) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<ChangeEvent> readAfter(long afterSequence, int limit) {
        return LongStream.of(sequences)
            .filter(s -> s > afterSequence)
            .limit(limit)
            .mapToObj(s -> new ChangeEvent(s, null, null, null, "x", null, null))
            .toList();
      }
    };
  }

  @Test
  void emptyLog_hasHeadZero() {
    assertThat(LogHead.of(logOf())).isZero();
  }

  @Test
  void head_isTheLastSequence_evenWithGaps() {
    assertThat(LogHead.of(logOf(1))).isEqualTo(1);
    assertThat(LogHead.of(logOf(1, 2, 3, 7, 8, 1000))).isEqualTo(1000);
    assertThat(LogHead.of(logOf(5, 9, 1025))).isEqualTo(1025);
  }
}
