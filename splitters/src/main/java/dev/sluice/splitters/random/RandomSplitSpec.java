package dev.sluice.splitters.random;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import java.util.List;

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

  /** Builder: {@code seed}, {@code channels}, {@code fractions}. */
  public static final class Builder extends SpecBuilder<Builder> {
    private Builder() {}

    /** Validates; throws {@code SplitConfigException} with every problem. */
    public SplitSpec build() {
      ConfigProblems problems = new ConfigProblems();
      ChannelFractions f = channelFractions(problems);
      problems.throwIfAny();
      return new RandomSplitSpec(f, seed);
    }
  }
}
