package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line a local run logs every few seconds. */
class ProgressLoggerTest {

  @Test
  void saysRowsReadRecordsWrittenPerChannelRejectedRowsAndTheRate() {
    Map<String, Object> accumulators =
        Map.of(
            "sluice.rows-read", 120_000L,
            "sluice.rows-rejected", 12L,
            "sluice.written.train", 95_990L,
            "sluice.written.validation", 12_000L,
            "sluice.written.test", 11_998L,
            "sluice.rejected.non_finite", 12L);

    assertThat(ProgressLogger.line(accumulators, 4.0))
        .isEqualTo(
            "progress: 120,000 rows read, written [test 11,998, train 95,990, validation"
                + " 12,000], 12 rejected, 30,000 rows/s");
  }

  @Test
  void saysNothingIsReadYetBeforeTheFirstFigures() {
    assertThat(ProgressLogger.line(Map.of(), 0.0))
        .isEqualTo("progress: 0 rows read, written [], 0 rejected, 0 rows/s");
  }
}
