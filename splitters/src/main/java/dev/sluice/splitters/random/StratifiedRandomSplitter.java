package dev.sluice.splitters.random;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitHash;
import dev.sluice.splitters.Splitter;
import java.time.Duration;

/**
 * Stratified random split: the record's key-hash position (top 53 bits of {@code XXH64(key, seed)})
 * is placed among its class's planned cut-offs; channel {@code i} holds positions from cut-off
 * {@code i} (inclusive) to cut-off {@code i+1}. A rare or unplanned class follows the plain mapping
 * rule of {@link RandomSplitter}.
 */
public final class StratifiedRandomSplitter implements Splitter {
  private static final long serialVersionUID = 1L;

  private final StratifiedPlan plan;
  private final long seed;
  private final Assignment[] assignments;

  StratifiedRandomSplitter(StratifiedPlan plan, long seed) {
    this.plan = plan;
    this.seed = seed;
    this.assignments = Assignment.table(plan.target(), false);
  }

  @Override
  public Assignment assign(SplitFields fields) {
    String key = fields.key();
    if (key == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_KEY);
    }
    if (fields.stratum() == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_STRATUM);
    }
    long h = SplitHash.hash(key, seed);
    long[] cutoffs = plan.cutoffsOf(fields.stratum());
    if (cutoffs == null) {
      return assignments[plan.target().indexFor(SplitHash.toUnit(h))];
    }
    long position = h >>> 11;
    int channel = 0;
    while (channel < cutoffs.length && position >= cutoffs[channel]) {
      channel++;
    }
    return assignments[channel];
  }

  @Override
  public SplitExpectations expectations() {
    return SplitExpectations.plain(plan.target(), false, false, Duration.ZERO);
  }
}
