package dev.sluice.splitters.time;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitColumn;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code split.strategy = time}: channels in time order, oldest first.
 *
 * <p>This class is cut-off mode: every channel after the first has a start ({@code
 * split.time.validation-start}, {@code split.time.test-start}; for other channel names {@code
 * split.time.<channel>-start}). Needs no planning pass. Fractions mode (no starts given) is {@link
 * TimeFractionsSpec}: a planning pass over timestamps computes the cut-offs from {@code
 * split.fractions}. The builder here makes both.
 *
 * <p>A date-only value means the start of that day in UTC; a date-time without zone is UTC.
 * Forecasting data is never split at random: this is the strategy for it.
 */
public final class TimeSplitSpec implements UnplannedSpec {
  private static final long serialVersionUID = 1L;

  private final List<Channel> channels;
  private final long seed;
  private final long[] starts;
  private final Duration gap;

  private TimeSplitSpec(List<Channel> channels, long seed, long[] starts, Duration gap) {
    this.channels = List.copyOf(channels);
    this.seed = seed;
    this.starts = starts;
    this.gap = gap;
  }

  /** A builder with the defaults (fractions mode, no gap). */
  public static Builder builder() {
    return new Builder();
  }

  /** The gap. */
  public Duration gap() {
    return gap;
  }

  @Override
  public String strategy() {
    return "time";
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public List<Channel> channels() {
    return channels;
  }

  @Override
  public Splitter splitter() {
    return new TimeCutoffSplitter(channels, null, starts, gap);
  }

  /**
   * A cut-off as written in configuration: a date ({@code 2024-03-01}, the start of that day in
   * UTC), a date-time with an offset ({@code 2024-03-01T12:00:00Z}), or one without (read as UTC).
   *
   * @throws DateTimeParseException if it is none of these
   */
  public static Instant parseCutoff(String text) {
    String v = text.trim();
    if (v.length() == 10) {
      return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
      return OffsetDateTime.parse(v).toInstant();
    }
    return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
  }

  /**
   * Parses a {@code split.time.*-start} value: {@code 2024-03-01} (start of day UTC), {@code
   * 2024-03-01T12:00:00} (UTC), {@code 2024-03-01T12:00:00Z} or with an offset. Returns null (with
   * a problem) when it is none of these.
   */
  public static Instant parseInstant(String value, String key, ConfigProblems problems) {
    try {
      return parseCutoff(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      problems.add(
          key,
          "'"
              + value
              + "' is not a date or date-time; use e.g. 2024-03-01 (start of that day, UTC) or"
              + " 2024-03-01T12:00:00Z");
      return null;
    }
  }

  /** Builder: seed, channels, fractions, cut-off starts, gap. */
  public static final class Builder extends SpecBuilder<Builder> {
    private final Map<String, String> startText = new LinkedHashMap<>();
    private final Map<String, Instant> startInstant = new LinkedHashMap<>();
    private Duration gap = Duration.ZERO;
    private int exactLimit = TimestampHistogram.DEFAULT_EXACT_LIMIT;
    private int sketchK = TimestampHistogram.DEFAULT_SKETCH_K;

    private Builder() {}

    /** {@code split.time.validation-start} as text (date or date-time). */
    public Builder validationStart(String value) {
      return start("validation", value);
    }

    /** {@code split.time.test-start} as text (date or date-time). */
    public Builder testStart(String value) {
      return start("test", value);
    }

    /** {@code split.time.<channel>-start} as text (date or date-time). */
    public Builder start(String channel, String value) {
      startText.put(channel, value);
      startInstant.remove(channel);
      return this;
    }

    /** {@code split.time.<channel>-start} as an instant. */
    public Builder start(String channel, Instant value) {
      startInstant.put(channel, value);
      startText.remove(channel);
      return this;
    }

    /** {@code split.time.gap}: records this close before a cut-off are excluded. */
    public Builder gap(Duration gap) {
      this.gap = gap;
      return this;
    }

    /** Fractions mode: distinct timestamps kept exactly before switching to a KLL sketch. */
    public Builder exactTimestampLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("exact timestamp limit must be >= 1, got " + limit);
      }
      this.exactLimit = limit;
      return this;
    }

    /** Fractions mode: the KLL sketch's k (larger = more precise). */
    public Builder sketchK(int k) {
      if (k < 8 || k > 65535) {
        throw new IllegalArgumentException("KLL k must be in [8, 65535], got " + k);
      }
      this.sketchK = k;
      return this;
    }

    @Override
    public Map<SplitColumn, String> requiredColumns() {
      return Map.of(SplitColumn.TIMESTAMP, SplitKeys.STRATEGY + " time");
    }

    /**
     * Validates; throws {@code SplitConfigException} with every problem. Returns a {@link
     * TimeSplitSpec} when cut-offs are given, a {@link TimeFractionsSpec} otherwise.
     */
    public SplitSpec build() {
      ConfigProblems problems = new ConfigProblems();
      boolean anyStart = !startText.isEmpty() || !startInstant.isEmpty();
      // Cut-off mode ignores split.fractions; fractions mode needs them.
      List<Channel> chans =
          ChannelFractions.validateChannels(channels, SplitKeys.CHANNELS, problems);
      ChannelFractions f =
          anyStart || chans == null
              ? null
              : ChannelFractions.validateFractions(chans, fractions, SplitKeys.FRACTIONS, problems);
      if (gap == null || gap.isNegative()) {
        problems.add(SplitKeys.TIME_GAP, "is " + gap + "; give a duration >= 0, e.g. 0s, 1h or 7d");
      }
      long[] starts = null;
      if (anyStart && chans != null) {
        starts = cutoffs(chans, problems);
      } else if (anyStart) {
        // Channels are invalid; still check the values parse so all problems come at once.
        startText.forEach((c, v) -> parseInstant(v, SplitKeys.timeStart(c), problems));
      }
      problems.throwIfAny();
      return anyStart
          ? new TimeSplitSpec(chans, seed, starts, gap)
          : new TimeFractionsSpec(chans, f, seed, gap, exactLimit, sketchK);
    }

    private long[] cutoffs(List<Channel> f, ConfigProblems problems) {
      List<String> names = f.stream().map(Channel::name).toList();
      int before = problems.size();
      for (String c : union()) {
        if (!names.contains(c)) {
          problems.add(
              SplitKeys.timeStart(c),
              "names channel '"
                  + c
                  + "', which is not in split.channels "
                  + names
                  + "; give a start for each channel after the first");
        }
      }
      if (startText.containsKey(f.get(0).name()) || startInstant.containsKey(f.get(0).name())) {
        problems.add(
            SplitKeys.timeStart(f.get(0).name()),
            "the first channel ('"
                + f.get(0).name()
                + "') holds the oldest records and has no start; remove it");
      }
      long[] starts = new long[f.size() - 1];
      Instant[] instants = new Instant[f.size() - 1];
      for (int i = 1; i < f.size(); i++) {
        String name = f.get(i).name();
        String key = SplitKeys.timeStart(name);
        Instant at = startInstant.get(name);
        if (at == null && startText.containsKey(name)) {
          at = parseInstant(startText.get(name), key, problems);
          if (at == null) {
            continue;
          }
        }
        if (at == null) {
          problems.add(
              key,
              "is missing; in cut-off mode every channel after '"
                  + f.get(0).name()
                  + "' needs a start (or give no starts at all to plan cut-offs from"
                  + " split.fractions)");
          continue;
        }
        instants[i - 1] = at;
        starts[i - 1] = at.toEpochMilli();
      }
      if (problems.size() > before) {
        return null;
      }
      for (int i = 1; i < instants.length; i++) {
        String prevKey = SplitKeys.timeStart(f.get(i).name());
        String key = SplitKeys.timeStart(f.get(i + 1).name());
        if (!instants[i].isAfter(instants[i - 1])) {
          problems.add(
              key,
              "("
                  + instants[i]
                  + ") must be later than "
                  + prevKey
                  + " ("
                  + instants[i - 1]
                  + "); channels are in time order, oldest first");
        } else if (gap != null
            && !gap.isNegative()
            && Duration.between(instants[i - 1], instants[i]).compareTo(gap) <= 0) {
          problems.add(
              SplitKeys.TIME_GAP,
              "("
                  + gap
                  + ") is not shorter than the time from "
                  + prevKey
                  + " to "
                  + key
                  + " ("
                  + Duration.between(instants[i - 1], instants[i])
                  + "), so channel '"
                  + f.get(i).name()
                  + "' would be empty; shorten the gap or move the cut-offs apart");
        }
      }
      return problems.size() > before ? null : starts;
    }

    private java.util.Set<String> union() {
      java.util.Set<String> all = new java.util.LinkedHashSet<>(startText.keySet());
      all.addAll(startInstant.keySet());
      return all;
    }
  }
}
