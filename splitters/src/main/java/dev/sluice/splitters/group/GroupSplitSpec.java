package dev.sluice.splitters.group;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import java.util.List;

/**
 * {@code split.strategy = group}: whole groups go to one channel, by hash, or balanced by record
 * counts from a planning pass ({@code split.group.balanced}).
 */
public final class GroupSplitSpec implements SplitSpec {
  private static final long serialVersionUID = 1L;

  /** Default {@code split.group.tolerance}: ±1 % absolute. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  private final ChannelFractions fractions;
  private final long seed;
  private final boolean balanced;
  private final double tolerance;

  private GroupSplitSpec(ChannelFractions fractions, long seed, boolean balanced, double tol) {
    this.fractions = fractions;
    this.seed = seed;
    this.balanced = balanced;
    this.tolerance = tol;
  }

  /** A builder with the defaults (hash mode). */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated fractions. */
  public ChannelFractions fractions() {
    return fractions;
  }

  /** Whether balanced mode is on. */
  public boolean balanced() {
    return balanced;
  }

  /** The balanced-mode tolerance. */
  public double tolerance() {
    return tolerance;
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
  public boolean needsPlanningPass() {
    return balanced;
  }

  @Override
  public PlanningAccumulator newAccumulator() {
    requireBalanced();
    return new GroupCounts();
  }

  @Override
  public SplitPlan plan(PlanningAccumulator merged) {
    requireBalanced();
    if (!(merged instanceof GroupCounts counts)) {
      throw new IllegalArgumentException("balanced group plan needs GroupCounts, got " + merged);
    }
    return BalancedGroupPlanner.plan(counts, fractions, seed, tolerance);
  }

  @Override
  public Splitter splitter() {
    if (balanced) {
      throw new IllegalStateException(
          "split.group.balanced = true needs a planning pass (group record counts); use"
              + " splitter(plan), or set split.group.balanced = false for continuous runs");
    }
    return new GroupHashSplitter(fractions, seed);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!balanced) {
      return splitter();
    }
    if (!(plan instanceof BalancedGroupPlan p)) {
      throw new IllegalArgumentException("balanced group split needs a BalancedGroupPlan");
    }
    return new BalancedGroupSplitter(p, seed);
  }

  private void requireBalanced() {
    if (!balanced) {
      throw new IllegalStateException("group split in hash mode needs no planning pass");
    }
  }

  /** Builder: seed, channels, fractions, {@code balanced}, {@code tolerance}. */
  public static final class Builder extends SpecBuilder<Builder> {
    private boolean balanced;
    private Double tolerance;

    private Builder() {}

    /** {@code split.group.balanced}. */
    public Builder balanced(boolean balanced) {
      this.balanced = balanced;
      return this;
    }

    /** {@code split.group.tolerance}: absolute, on each channel's share of records. */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Validates; throws {@code SplitConfigException} with every problem. */
    public GroupSplitSpec build() {
      ConfigProblems problems = new ConfigProblems();
      ChannelFractions f = channelFractions(problems);
      double tol = tolerance == null ? DEFAULT_TOLERANCE : tolerance;
      if (tolerance != null && !balanced) {
        problems.add(
            SplitKeys.GROUP_TOLERANCE,
            "is set to "
                + tolerance
                + " but applies only in balanced mode; set split.group.balanced = true or remove"
                + " split.group.tolerance");
      } else if (!(tol > 0 && tol < 1)) {
        problems.add(
            SplitKeys.GROUP_TOLERANCE,
            "is "
                + tol
                + "; it must be an absolute share strictly between 0 and 1, e.g. 0.01 for ±1 %");
      }
      problems.throwIfAny();
      return new GroupSplitSpec(f, seed, balanced, tol);
    }
  }
}
