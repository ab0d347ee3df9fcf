package dev.sluice.splitters.random;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.Splitter;
import java.util.List;

/**
 * {@code split.strategy = random} with {@code split.stratify-by}: every class keeps its share in
 * every channel (as scikit-learn's {@code StratifiedShuffleSplit}), from a planning pass that
 * histograms each class's key hashes ({@link StratumHistograms}, {@link StratifiedPlan}). Made by
 * {@link RandomSplitSpec#builder()}.
 */
public final class StratifiedRandomSpec implements PlannedSpec {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions fractions;
  private final long seed;

  StratifiedRandomSpec(ChannelFractions fractions, long seed) {
    this.fractions = fractions;
    this.seed = seed;
  }

  @Override
  public String planningHint() {
    return "stratified; remove " + SplitKeys.STRATIFY_BY;
  }

  @Override
  public String strategy() {
    return "random";
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public List<Channel> channels() {
    return fractions.channels();
  }

  @Override
  public StratumHistograms newAccumulator() {
    return new StratumHistograms(seed);
  }

  @Override
  public StratifiedPlan plan(PlanningAccumulator merged) {
    if (!(merged instanceof StratumHistograms h)) {
      throw new IllegalArgumentException("stratified plan needs StratumHistograms, got " + merged);
    }
    return StratifiedPlan.plan(h, fractions);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!(plan instanceof StratifiedPlan p)) {
      throw new IllegalArgumentException("stratified random split needs a StratifiedPlan");
    }
    return new StratifiedRandomSplitter(p, seed);
  }
}
