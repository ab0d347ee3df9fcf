package dev.sluice.splitters.time;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.Splitter;
import java.time.Duration;
import java.util.List;

/**
 * {@code split.strategy = time} in fractions mode (no cut-offs given): a planning pass fills a
 * {@link TimestampHistogram} and {@link TimeFractionsPlanner} places the cut-offs so that each
 * channel gets its share of {@code split.fractions}. Made by {@link TimeSplitSpec#builder()}.
 */
public final class TimeFractionsSpec implements PlannedSpec {
  private static final long serialVersionUID = 1L;

  private final List<Channel> channels;
  private final ChannelFractions fractions;
  private final long seed;
  private final Duration gap;
  private final int exactLimit;
  private final int sketchK;

  TimeFractionsSpec(
      List<Channel> channels,
      ChannelFractions fractions,
      long seed,
      Duration gap,
      int exactLimit,
      int sketchK) {
    this.channels = List.copyOf(channels);
    this.fractions = fractions;
    this.seed = seed;
    this.gap = gap;
    this.exactLimit = exactLimit;
    this.sketchK = sketchK;
  }

  /** The gap. */
  public Duration gap() {
    return gap;
  }

  @Override
  public String planningHint() {
    return "time fractions; give "
        + SplitKeys.TIME_VALIDATION_START
        + " and "
        + SplitKeys.TIME_TEST_START
        + " instead";
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
  public TimestampHistogram newAccumulator() {
    return new TimestampHistogram(exactLimit, sketchK);
  }

  @Override
  public TimeCutoffPlan plan(PlanningAccumulator merged) {
    if (!(merged instanceof TimestampHistogram h)) {
      throw new IllegalArgumentException("time fractions plan needs a TimestampHistogram");
    }
    return TimeFractionsPlanner.plan(h, fractions);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!(plan instanceof TimeCutoffPlan p)) {
      throw new IllegalArgumentException("time fractions split needs a TimeCutoffPlan");
    }
    return new TimeCutoffSplitter(channels, fractions, p.starts(), gap);
  }
}
