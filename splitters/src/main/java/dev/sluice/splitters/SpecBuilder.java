package dev.sluice.splitters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every strategy builder shares: {@code split.seed}, {@code split.channels} and {@code
 * split.fractions}, with the documented defaults ([train, validation, test], [0.8, 0.1, 0.1], seed
 * 0). Inputs are plain values so the jobs module can map its keys onto them directly.
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class SpecBuilder<B extends SpecBuilder<B>> {
  protected long seed = 0L;
  protected List<String> channels = List.of("train", "validation", "test");
  protected List<Double> fractions = List.of(0.8, 0.1, 0.1);

  /** {@code split.seed}. */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /** {@code split.channels}: names in order (lowercase letters, digits, '-', '_'). */
  public B channels(List<String> channels) {
    this.channels = channels == null ? null : new ArrayList<>(channels);
    return self();
  }

  /** {@code split.fractions}: one per channel, in channel order, summing to 1. */
  public B fractions(List<Double> fractions) {
    this.fractions = fractions == null ? null : new ArrayList<>(fractions);
    return self();
  }

  /** Shortcut for {@link #fractions(List)}. */
  public B fractions(double... fractions) {
    List<Double> list = new ArrayList<>();
    for (double f : fractions) {
      list.add(f);
    }
    return fractions(list);
  }

  /**
   * The columns records must carry for this configuration, each with the setting that needs it
   * ({@code split.strategy group}), so that the jobs module can refuse a schema without them.
   */
  public abstract Map<SplitColumn, String> requiredColumns();

  /**
   * Validates; throws {@code SplitConfigException} with every problem. Returns the member of the
   * spec family the configuration calls for (planned or not).
   */
  public abstract SplitSpec build();

  /** Validates channels and fractions into {@code problems}; null when invalid. */
  protected ChannelFractions channelFractions(ConfigProblems problems) {
    return ChannelFractions.validate(
        channels, fractions, SplitKeys.CHANNELS, SplitKeys.FRACTIONS, problems);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
