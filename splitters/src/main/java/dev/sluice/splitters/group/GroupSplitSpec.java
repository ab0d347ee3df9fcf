package dev.sluice.splitters.group;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitColumn;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code split.strategy = group} in hash mode: whole groups go to one channel by the hash of the
 * group value. Needs no planning pass. Its builder also makes the balanced mode ({@link
 * BalancedGroupSpec}, {@code split.group.balanced}).
 */
public final class GroupSplitSpec implements UnplannedSpec {
  private static final long serialVersionUID = 1L;

  /** Default {@code split.group.tolerance}: ±1 % absolute. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  private final ChannelFractions fractions;
  private final long seed;

  private GroupSplitSpec(ChannelFractions fractions, long seed) {
    this.fractions = fractions;
    this.seed = seed;
  }

  /** A builder with the defaults (hash mode). */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated fractions. */
  public ChannelFractions fractions() {
    return fractions;
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
  public Splitter splitter() {
    return new GroupHashSplitter(fractions, seed);
  }

  /** Builder: seed, channels, fractions, {@code balanced}, {@code tolerance}. */
  public static final class Builder extends SpecBuilder<Builder> {
    private boolean balanced;
    private boolean stratified;
    private Double tolerance;

    private Builder() {}

    /** {@code split.group.balanced}. */
    public Builder balanced(boolean balanced) {
      this.balanced = balanced;
      return this;
    }

    /**
     * {@code split.stratify-by} is set: records carry their class in {@link
     * dev.sluice.splitters.SplitFields#stratum()}; whole groups are placed so that each class keeps
     * its share in every channel (implies a planning pass, and balances records too).
     */
    public Builder stratified(boolean stratified) {
      this.stratified = stratified;
      return this;
    }

    /** {@code split.group.tolerance}: absolute, on each channel's share of records. */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    @Override
    public Map<SplitColumn, String> requiredColumns() {
      return Map.of(SplitColumn.GROUP, SplitKeys.STRATEGY + " group");
    }

    /**
     * Validates; throws {@code SplitConfigException} with every problem. Returns a {@link
     * GroupSplitSpec} in hash mode, a {@link BalancedGroupSpec} in balanced mode.
     */
    public SplitSpec build() {
      ConfigProblems problems = new ConfigProblems();
      ChannelFractions f = channelFractions(problems);
      double tol = tolerance == null ? DEFAULT_TOLERANCE : tolerance;
      if (tolerance != null && !balanced && !stratified) {
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
      if (stratified) {
        return new StratifiedGroupSpec(f, seed, tol);
      }
      return balanced ? new BalancedGroupSpec(f, seed, tol) : new GroupSplitSpec(f, seed);
    }
  }
}
