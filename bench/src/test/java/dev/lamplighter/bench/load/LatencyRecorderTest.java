package dev.lamplighter.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void merge_givesNearestRankPercentilesOfSuccessesAcrossWorkers() {
    LatencyRecorder first = new LatencyRecorder();
    LatencyRecorder second = new LatencyRecorder();
    for (int ms = 1; ms <= 100; ms++) {
      (ms % 2 == 0 ? first : second).record(200, ms * 1_000_000L);
    }

    LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(first, second));

    assertThat(summary.successes()).isEqualTo(100);
    assertThat(summary.percentileMillis(50)).isEqualTo(50.0);
    assertThat(summary.percentileMillis(99)).isEqualTo(99.0);
    assertThat(summary.percentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void non2xxAnswers_areCountedByStatusAndLeftOutOfLatencies() {
    LatencyRecorder recorder = new LatencyRecorder();
    recorder.record(200, 5_000_000L);
    recorder.record(403, 1_000L);
    recorder.record(403, 1_000L);
    recorder.record(LatencyRecorder.TRANSPORT_ERROR, 1_000L);

    LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(recorder));

    assertThat(summary.successes()).isEqualTo(1);
    assertThat(summary.errors()).isEqualTo(3);
    assertThat(summary.errorsByStatus()).isEqualTo(Map.of(0, 1L, 403, 2L));
    assertThat(summary.percentileMillis(50)).isEqualTo(5.0);
  }

  @Test
  void recorder_growsPastItsFirstArray() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 0; i < 100_000; i++) {
      recorder.record(200, i);
    }

    assertThat(LatencyRecorder.merge(List.of(recorder)).successes()).isEqualTo(100_000);
  }
}
