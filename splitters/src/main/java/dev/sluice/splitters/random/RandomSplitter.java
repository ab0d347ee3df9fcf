package dev.sluice.splitters.random;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitHash;
import dev.sluice.splitters.Splitter;
import java.time.Duration;

/**
 * Random split: the channel is {@link ChannelFractions#indexFor} of {@link SplitHash#unit} of the
 * record key (id column, or source position) salted by the seed. "Random" means uniform over keys,
 * not arrival-dependent: the same key always lands in the same channel.
 *
 * <p>Not for forecasting data: a random split puts future records in train; use the time strategy.
 */
public final class RandomSplitter implements Splitter {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions fractions;
  private final long seed;
  private final Assignment[] assignments;

  /** A random splitter over validated fractions. */
  public RandomSplitter(ChannelFractions fractions, long seed) {
    this.fractions = fractions;
    this.seed = seed;
    this.assignments = Assignment.table(fractions, false);
  }

  @Override
  public Assignment assign(SplitFields fields) {
    String key = fields.key();
    if (key == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_KEY);
    }
    return assignments[fractions.indexFor(SplitHash.unit(key, seed))];
  }

  @Override
  public SplitExpectations expectations() {
    return SplitExpectations.plain(fractions, false, false, Duration.ZERO);
  }
}
