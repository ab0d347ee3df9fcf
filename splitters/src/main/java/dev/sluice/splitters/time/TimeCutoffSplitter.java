package dev.sluice.splitters.time;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Time split by event-time cut-offs. Channel 0 (train) holds the oldest records; channel i &ge; 1
 * starts at its cut-off s<sub>i</sub> (inclusive) and runs to s<sub>i+1</sub> (exclusive).
 *
 * <p><b>Ties.</b> The channel is a function of the timestamp alone, so records sharing a timestamp
 * never straddle a cut-off; a record exactly at a cut-off belongs to the <em>later</em> channel
 * (cut-offs are inclusive starts).
 *
 * <p><b>Gap.</b> A record with s<sub>i</sub> &minus; gap &le; t &lt; s<sub>i</sub> for some cut-off
 * is {@link Assignment#EXCLUDED_BY_GAP}. Every kept record of an earlier channel is therefore more
 * than {@code gap} before every record of a later channel.
 *
 * <p>Forecasting data is never split at random: use this strategy for it.
 */
public final class TimeCutoffSplitter implements Splitter {
  private static final long serialVersionUID = 1L;

  private final List<Channel> channels;
  private final ChannelFractions requested;
  private final long[] starts;
  private final long gapMillis;
  private final Assignment[] assignments;

  /**
   * A splitter with cut-offs {@code starts[i]} (epoch millis) for channel i + 1, non-decreasing.
   *
   * @param channels the channels, oldest first
   * @param requested requested fractions for the audit (fractions mode), or null (cut-off mode)
   */
  public TimeCutoffSplitter(
      List<Channel> channels, ChannelFractions requested, long[] starts, Duration gap) {
    if (starts.length != channels.size() - 1) {
      throw new IllegalArgumentException(
          "need one cut-off per channel after the first: " + channels);
    }
    for (int i = 1; i < starts.length; i++) {
      if (starts[i] < starts[i - 1]) {
        throw new IllegalArgumentException("cut-offs must be non-decreasing");
      }
    }
    this.channels = List.copyOf(channels);
    this.requested = requested;
    this.starts = starts.clone();
    this.gapMillis = gap.toMillis();
    this.assignments = Assignment.table(channels, false);
  }

  @Override
  public Assignment assign(SplitFields fields) {
    if (!fields.hasTimestamp()) {
      return Assignment.rejected(Assignment.Reason.MISSING_TIMESTAMP);
    }
    long t = fields.timestampMillis();
    int i = 0;
    while (i < starts.length && starts[i] <= t) {
      i++;
    }
    // starts[i] is the first cut-off after t; only it can put t inside a gap.
    if (i < starts.length && gapMillis > 0 && t >= saturatingMinus(starts[i], gapMillis)) {
      return Assignment.EXCLUDED_BY_GAP;
    }
    return assignments[i];
  }

  private static long saturatingMinus(long a, long b) {
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
  }

  /** The cut-offs (epoch millis), one per channel after the first. */
  public long[] starts() {
    return starts.clone();
  }

  @Override
  public SplitExpectations expectations() {
    return new SplitExpectations(
        channels, requested, false, true, Duration.ofMillis(gapMillis), Map.of(), null, false);
  }
}
