package dev.sluice.connectors.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** Parses timestamps to epoch milliseconds in a {@link TimestampFormat}. */
final class TimestampParser {

  private TimestampParser() {}

  /**
   * Epoch milliseconds of a timestamp.
   *
   * @throws DateTimeException or {@link NumberFormatException} when the text does not match
   */
  static long parse(String text, TimestampFormat format) {
    String s = text.trim();
    return switch (format) {
      case ISO -> parseIso(s);
      case EPOCH_SECONDS -> parseEpoch(s, 1000);
      case EPOCH_MILLIS -> parseEpoch(s, 1);
    };
  }

  /** What a timestamp in the format looks like, for messages. */
  static String expectation(TimestampFormat format) {
    return switch (format) {
      case ISO ->
          "an ISO-8601 date or date-time such as 2024-03-01 or 2024-03-01T12:00:00Z"
              + " (schema.timestamp-format=iso)";
      case EPOCH_SECONDS -> "seconds since the epoch (schema.timestamp-format=epoch-seconds)";
      case EPOCH_MILLIS -> "milliseconds since the epoch (schema.timestamp-format=epoch-millis)";
    };
  }

  private static long parseIso(String s) {
    if (s.length() == 10) {
      return fastDate(s) * 86_400_000L;
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime odt) {
      return odt.toInstant().toEpochMilli();
    }
    return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Epoch day of {@code yyyy-MM-dd} without a formatter (dates are the common case). */
  private static long fastDate(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw new DateTimeException("not yyyy-MM-dd");
    }
    return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new DateTimeException("not a digit at " + i);
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static long parseEpoch(String s, long millisPerUnit) {
    boolean integer = !s.isEmpty();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '-' || c == '+'))) {
        integer = false;
        break;
      }
    }
    if (integer) {
      return Math.multiplyExact(Long.parseLong(s), millisPerUnit);
    }
    double value = Double.parseDouble(s);
    double millis = value * millisPerUnit;
    if (!Double.isFinite(millis) || Math.abs(millis) > 9.0e15) {
      throw new NumberFormatException("out of range");
    }
    return Math.round(millis);
  }
}
