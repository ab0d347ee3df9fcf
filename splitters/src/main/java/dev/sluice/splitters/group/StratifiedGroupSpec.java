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
 * {@code split.strategy = group} with {@code split.stratify-by}: whole groups, placed from a
 * planning pass so that each class keeps its share in every channel ({@link
 * StratifiedGroupPlanner}). A record without a class is rejected; a group not in the plan falls
 * back to the hash rule. Made by {@link GroupSplitSpec#builder()}.
 */
public final class StratifiedGroupSpec implements PlannedSpec {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions fractions;
  private final long seed;
  private final double tolerance;

  StratifiedGroupSpec(ChannelFractions fractions, long seed, double tolerance) {
    this.fractions = fractions;
    this.seed = seed;
    this.tolerance = tolerance;
  }

  /** {@code split.group.tolerance}, on each channel's share of records. */
  public double tolerance() {
    return tolerance;
  }

  @Override
  public String planningHint() {
    return "stratified groups; remove " + SplitKeys.STRATIFY_BY;
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
  public GroupClassCounts newAccumulator() {
    return new GroupClassCounts();
  }

  @Override
  public BalancedGroupPlan plan(PlanningAccumulator merged) {
    if (!(merged instanceof GroupClassCounts counts)) {
      throw new IllegalArgumentException("stratified group plan needs GroupClassCounts");
    }
    return StratifiedGroupPlanner.plan(counts, fractions, seed, tolerance);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!(plan instanceof BalancedGroupPlan p)) {
      throw new IllegalArgumentException("stratified group split needs a BalancedGroupPlan");
    }
    return new BalancedGroupSplitter(p, seed, true);
  }
}
