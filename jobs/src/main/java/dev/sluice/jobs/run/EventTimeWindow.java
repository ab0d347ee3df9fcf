package dev.sluice.jobs.run;

import dev.sluice.connectors.parse.TimestampFormat;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.SluiceKeys;
import dev.sluice.splitters.audit.AuditReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plausible window of event times ({@code schema.timestamp-plausible-from} / {@code -until}).
 * Timestamps of the wrong unit parse without error: milliseconds read as {@code epoch-seconds} land
 * tens of thousands of years ahead, seconds read as {@code epoch-millis} in January 1970. The
 * audit's earliest and latest event time per channel tell whether some or all of them lie outside
 * the window: some is a warning for the report and the console, all is a refusal (exit 2).
 */
public record EventTimeWindow(Instant from, Instant until, TimestampFormat format) {

  /** The window the configuration sets. */
  public static EventTimeWindow of(JobConfig config) {
    return new EventTimeWindow(
        config.settings().get(SluiceKeys.SCHEMA_TIMESTAMP_PLAUSIBLE_FROM, Instant.class),
        config.settings().get(SluiceKeys.SCHEMA_TIMESTAMP_PLAUSIBLE_UNTIL, Instant.class),
        config.schema().timestampFormat());
  }

  /**
   * The window of a validated configuration's raw values (defaults included), as the job's
   * publisher holds them.
   */
  public static EventTimeWindow of(java.util.Map<String, String> configuration) {
    return new EventTimeWindow(
        instant(valueOrDefault(configuration, SluiceKeys.SCHEMA_TIMESTAMP_PLAUSIBLE_FROM)),
        instant(valueOrDefault(configuration, SluiceKeys.SCHEMA_TIMESTAMP_PLAUSIBLE_UNTIL)),
        TimestampFormat.fromConfigName(
            valueOrDefault(configuration, SluiceKeys.SCHEMA_TIMESTAMP_FORMAT)));
  }

  /** A configuration without the key (one a test builds by hand) means the key's default. */
  private static String valueOrDefault(
      java.util.Map<String, String> configuration, dev.sluice.jobs.config.ConfigKey key) {
    return configuration.getOrDefault(key.name(), key.defaultValue().orElseThrow());
  }

  private static Instant instant(String text) {
    String t = text.trim();
    return t.length() == 10
        ? java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
        : Instant.parse(t);
  }

  /**
   * Every event time is implausible: the client reports it as a configuration error (exit 2).
   * Thrown inside the job by the publisher, which publishes nothing.
   */
  public static final class ImplausibleEventTimesException
      extends dev.sluice.jobs.publish.RunFailedException {
    private static final long serialVersionUID = 1L;

    ImplausibleEventTimesException(String message) {
      super(message);
    }
  }

  /**
   * A warning when some event times lie outside the window, else empty.
   *
   * @throws ImplausibleEventTimesException when every event time lies outside it (nothing should be
   *     published)
   */
  public Optional<String> check(AuditReport audit) {
    List<AuditReport.ChannelFigures> timed =
        audit.channels().stream().filter(c -> c.earliest() != null && c.latest() != null).toList();
    if (timed.isEmpty()) {
      return Optional.empty();
    }
    Instant earliest =
        timed.stream().map(AuditReport.ChannelFigures::earliest).min(Instant::compareTo).get();
    Instant latest =
        timed.stream().map(AuditReport.ChannelFigures::latest).max(Instant::compareTo).get();
    boolean allOutside =
        timed.stream().allMatch(c -> c.latest().isBefore(from) || !c.earliest().isBefore(until));
    String range = "event times range from " + earliest + " to " + latest;
    String window =
        "the plausible window "
            + from
            + " to "
            + until
            + " (schema.timestamp-plausible-from, schema.timestamp-plausible-until)";
    if (allOutside) {
      throw new ImplausibleEventTimesException(
          "schema.timestamp-format: every event time lies outside "
              + window
              + ": "
              + range
              + hint(earliest)
              + "; nothing was published");
    }
    if (earliest.isBefore(from) || !latest.isBefore(until)) {
      return Optional.of(
          "some event times lie outside "
              + window
              + ": "
              + range
              + "; check schema.timestamp-format ("
              + format.configName()
              + ") and the data");
    }
    return Optional.empty();
  }

  private String hint(Instant earliest) {
    boolean future = !earliest.isBefore(until);
    if (Objects.equals(format, TimestampFormat.EPOCH_SECONDS) && future) {
      return "; they look like milliseconds: set schema.timestamp-format epoch-millis";
    }
    if (Objects.equals(format, TimestampFormat.EPOCH_MILLIS) && !future) {
      return "; they look like seconds: set schema.timestamp-format epoch-seconds";
    }
    return "; check schema.timestamp-format (" + format.configName() + ") and the data";
  }
}
