package dev.sluice.splitters.group;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.Splitter;
import java.util.List;

/**
 * {@code split.strategy = group} with {@code split.group.balanced = true}: whole groups are
 * assigned so that each channel's share of records is close to its target, from record counts per
 * group gathered by a planning pass ({@link GroupCounts}, {@link BalancedGroupPlanner}).
 */
public final class BalancedGroupSpec implements PlannedSpec {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions fractions;
  private final long seed;
  private final double tolerance;

  BalancedGroupSpec(ChannelFractions fractions, long seed, double tolerance) {
    this.fractions = fractions;
    this.seed = seed;
    this.tolerance = tolerance;
  }

  /** The validated fractions. */
  public ChannelFractions fractions() {
    return fractions;
  }

  /** {@code split.group.tolerance}. */
  public double tolerance() {
    return tolerance;
  }

  @Override
  public String planningHint() {
    return "balanced groups; set " + SplitKeys.GROUP_BALANCED + " false";
  }

  @Override
  public String strategy() {
    return "group";
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
  public GroupCounts newAccumulator() {
    return new GroupCounts();
  }

  @Override
  public BalancedGroupPlan plan(PlanningAccumulator merged) {
    if (!(merged instanceof GroupCounts counts)) {
      throw new IllegalArgumentException("balanced group plan needs GroupCounts, got " + merged);
    }
    return BalancedGroupPlanner.plan(counts, fractions, seed, tolerance);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!(plan instanceof BalancedGroupPlan p)) {
      throw new IllegalArgumentException("balanced group split needs a BalancedGroupPlan");
    }
    return new BalancedGroupSplitter(p, seed);
  }
}
