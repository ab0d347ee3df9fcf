package dev.sluice.jobs.config;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a run is: its id and the moment it was configured, fixed once per run when the configuration
 * is bound. {@code sink.path} may name them through placeholders, so that a scheduled job writes
 * every run into a folder of its own instead of refusing to overwrite the last one:
 *
 * <ul>
 *   <li>{@code {date}}: the run's UTC date, {@code 2026-12-02};
 *   <li>{@code {time}}: the run's UTC time of day, {@code 151200} (hours, minutes, seconds);
 *   <li>{@code {run-id}}: {@code job.run-id} when given (a scheduler's own id for the run, so that
 *       a retry writes to the same place), otherwise the start time and a random suffix, {@code
 *       20261202T151200Z-3f9a1c}.
 * </ul>
 *
 * For example {@code s3://train/speech/{date}/{run-id}}. The report records the resolved path.
 */
public record RunIdentity(String runId, Instant startedAt) implements Serializable {

  /** The placeholders {@code sink.path} may hold, as the README lists them. */
  public static final List<String> PLACEHOLDERS = List.of("{date}", "{time}", "{run-id}");

  /** What a {@code job.run-id} may hold: it becomes part of an object key. */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A run starting now: the given id, or one made of the time and a random suffix. */
  public static RunIdentity startingNow(Clock clock, Optional<String> givenId) {
    Instant now = clock.instant();
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return new RunIdentity(
        givenId.orElseGet(() -> STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix)), now);
  }

  /** The problem with a {@code job.run-id}, if any. */
  static Optional<String> problemWithId(String id) {
    if (RUN_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "job.run-id: expected 1 to 128 letters, digits, '.', '_' or '-' (starting with a letter"
            + " or digit), got '"
            + id
            + "'");
  }

  /** The placeholders of {@code template} that are not among {@link #PLACEHOLDERS}. */
  static List<String> unknownPlaceholders(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!PLACEHOLDERS.contains(matcher.group())) {
        unknown.add(matcher.group());
      }
    }
    return unknown;
  }

  /** {@code template} with every placeholder replaced by this run's value. */
  public String resolve(String template) {
    return template
        .replace("{date}", DATE.format(startedAt))
        .replace("{time}", TIME.format(startedAt))
        .replace("{run-id}", runId);
  }
}
