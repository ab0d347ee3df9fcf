package dev.sluice.splitters.group;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitHash;
import dev.sluice.splitters.Splitter;
import java.time.Duration;

/**
 * Group split by hash: the channel is {@link ChannelFractions#indexFor} of {@link SplitHash#unit}
 * of the group value. All records of a group share one channel, and a group seen again later
 * (appended data, continuous runs) lands in the same channel. Records without a group are rejected
 * ({@link Assignment.Reason#MISSING_GROUP}).
 */
public final class GroupHashSplitter implements Splitter {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions fractions;
  private final long seed;
  private final Assignment[] assignments;

  /** A group hash splitter. */
  public GroupHashSplitter(ChannelFractions fractions, long seed) {
    this.fractions = fractions;
    this.seed = seed;
    this.assignments = Assignment.table(fractions, false);
  }

  /** The channel index of {@code group} by the hash rule. */
  public int indexOf(String group) {
    return fractions.indexFor(SplitHash.unit(group, seed));
  }

  @Override
  public Assignment assign(SplitFields fields) {
    String group = fields.group();
    if (group == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_GROUP);
    }
    return assignments[indexOf(group)];
  }

  @Override
  public SplitExpectations expectations() {
    return SplitExpectations.plain(fractions, true, false, Duration.ZERO);
  }
}
