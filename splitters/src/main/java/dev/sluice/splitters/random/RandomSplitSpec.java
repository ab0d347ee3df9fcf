package dev.sluice.splitters.random;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitColumn;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import java.util.List;
import java.util.Map;

/** {@code split.strategy = random}: hash of the record key. Needs no planning pass. */
public final class RandomSplitSpec implements UnplannedSpec {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions fractions;
  private final long seed;

  private RandomSplitSpec(ChannelFractions fractions, long seed) {
    this.fractions = fractions;
    this.seed = seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated fractions. */
  public ChannelFractions fractions() {
    return fractions;
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
  public Splitter splitter() {
    return new RandomSplitter(fractions, seed);
  }

  /** Builder: {@code seed}, {@code channels}, {@code fractions}, {@code stratified}. */
  public static final class Builder extends SpecBuilder<Builder> {
    private boolean stratified;

    private Builder() {}

    /**
     * {@code split.stratify-by} is set: records carry their class in {@link
     * dev.sluice.splitters.SplitFields#stratum()}, and each class keeps its share in every channel.
     */
    public Builder stratified(boolean stratified) {
      this.stratified = stratified;
      return this;
    }

    /** A random split reads only the uid, which every record has. */
    @Override
    public Map<SplitColumn, String> requiredColumns() {
      return Map.of();
    }

    /**
     * Validates; throws {@code SplitConfigException} with every problem. Returns a {@link
     * RandomSplitSpec}, or a {@link StratifiedRandomSpec} when stratified.
     */
    public SplitSpec build() {
      ConfigProblems problems = new ConfigProblems();
      ChannelFractions f = channelFractions(problems);
      problems.throwIfAny();
      return stratified ? new StratifiedRandomSpec(f, seed) : new RandomSplitSpec(f, seed);
    }
  }
}
