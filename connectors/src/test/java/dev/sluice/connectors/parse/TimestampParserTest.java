package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import org.junit.jupiter.api.Test;

class TimestampParserTest {

  private static long iso(String text) {
    return TimestampParser.parse(text, TimestampFormat.ISO);
  }

  @Test
  void readsADateAsTheStartOfTheDayInUtc() {
    assertThat(iso("1970-01-02")).isEqualTo(86_400_000L);
    assertThat(iso("2024-02-29")).isEqualTo(1709164800000L);
  }

  @Test
  void readsDateTimesWithZOrAnOffsetAndWithoutAZoneAsUtc() {
    assertThat(iso("2024-03-01T12:00:00Z")).isEqualTo(1709294400000L);
    assertThat(iso("2024-03-01T14:00:00+02:00")).isEqualTo(1709294400000L);
    assertThat(iso("2024-03-01T12:00:00")).isEqualTo(1709294400000L);
    assertThat(iso("2024-03-01 12:00:00.250")).isEqualTo(1709294400250L);
  }

  @Test
  void rejectsOtherShapesAndImpossibleDates() {
    assertThatThrownBy(() -> iso("2024-02-30")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> iso("01/03/2024")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> iso("2024-03-01T25:00:00Z")).isInstanceOf(DateTimeException.class);
  }

  @Test
  void readsEpochSecondsAndMillis() {
    assertThat(TimestampParser.parse("1700000000", TimestampFormat.EPOCH_SECONDS))
        .isEqualTo(1700000000000L);
    assertThat(TimestampParser.parse("1700000000.5", TimestampFormat.EPOCH_SECONDS))
        .isEqualTo(1700000000500L);
    assertThat(TimestampParser.parse("-1000", TimestampFormat.EPOCH_MILLIS)).isEqualTo(-1000L);
    assertThatThrownBy(() -> TimestampParser.parse("soon", TimestampFormat.EPOCH_MILLIS))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(
            () -> TimestampParser.parse("9223372036854775807", TimestampFormat.EPOCH_SECONDS))
        .isInstanceOf(ArithmeticException.class);
  }
}
