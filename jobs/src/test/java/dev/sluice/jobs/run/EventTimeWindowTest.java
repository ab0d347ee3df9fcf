package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connectors.parse.TimestampFormat;
import dev.sluice.splitters.audit.AuditReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event times of the wrong unit are warned about, or refused when none is plausible. */
class EventTimeWindowTest {

  private static final Instant FROM = Instant.parse("1971-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2200-01-01T00:00:00Z");

  private static AuditReport audit(Instant... earliestLatestPairs) {
    List<AuditReport.ChannelFigures> channels =
        java.util.stream.IntStream.range(0, earliestLatestPairs.length / 2)
            .mapToObj(
                i ->
                    new AuditReport.ChannelFigures(
                        "c" + i,
                        10,
                        0,
                        earliestLatestPairs[2 * i],
                        earliestLatestPairs[2 * i + 1],
                        null,
                        0.5))
            .toList();
    return new AuditReport(
        List.of(), channels, List.of(), 20, 0, Map.of(), 0, 0, List.of(), Map.of());
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void plausibleEventTimesPassQuietly() {
    var window = new EventTimeWindow(FROM, UNTIL, TimestampFormat.ISO);
    assertThat(window.check(audit(at("2023-01-01T00:00:00Z"), at("2024-12-31T00:00:00Z"))))
        .isEmpty();
  }

  @Test
  void millisReadAsEpochSecondsAreRefusedWithTheFix() {
    // 1.7e12 "seconds": the year 55969.
    Instant far = Instant.ofEpochSecond(1_700_000_000_000L);
    var window = new EventTimeWindow(FROM, UNTIL, TimestampFormat.EPOCH_SECONDS);

    assertThatThrownBy(() -> window.check(audit(far, far.plusSeconds(86_400_000))))
        .isInstanceOf(EventTimeWindow.ImplausibleEventTimesException.class)
        .hasMessageContaining("every event time lies outside the plausible window")
        .hasMessageContaining("set schema.timestamp-format epoch-millis");
  }

  @Test
  void secondsReadAsEpochMillisAreRefusedWithTheFix() {
    Instant january1970 = Instant.ofEpochMilli(1_700_000_000L);
    var window = new EventTimeWindow(FROM, UNTIL, TimestampFormat.EPOCH_MILLIS);

    assertThatThrownBy(() -> window.check(audit(january1970, january1970.plusSeconds(60))))
        .isInstanceOf(EventTimeWindow.ImplausibleEventTimesException.class)
        .hasMessageContaining("set schema.timestamp-format epoch-seconds");
  }

  @Test
  void someImplausibleEventTimesAreAWarningNamingTheRangeAndTheKeys() {
    var window = new EventTimeWindow(FROM, UNTIL, TimestampFormat.EPOCH_MILLIS);

    assertThat(
            window.check(
                audit(
                    Instant.EPOCH,
                    at("2024-01-01T00:00:00Z"),
                    at("2024-02-01T00:00:00Z"),
                    at("2024-03-01T00:00:00Z"))))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("some event times lie outside the plausible window")
                    .contains("schema.timestamp-plausible-from")
                    .contains("from 1970-01-01T00:00:00Z to 2024-03-01T00:00:00Z"));
  }

  @Test
  void runsWithoutTimestampsAreNotChecked() {
    var window = new EventTimeWindow(FROM, UNTIL, TimestampFormat.ISO);
    Instant[] none = new Instant[2];
    Arrays.fill(none, null);
    assertThat(window.check(audit(none))).isEmpty();
  }
}
