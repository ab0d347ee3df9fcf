package dev.sluice.splitters.group;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import java.time.Duration;

/**
 * Group split by a {@link BalancedGroupPlan}: planned groups go where the plan says; a group not in
 * the plan (new data) falls back to the hash rule of {@link GroupHashSplitter}.
 */
public final class BalancedGroupSplitter implements Splitter {
  private static final long serialVersionUID = 1L;

  private final BalancedGroupPlan plan;
  private final GroupHashSplitter fallback;
  private final Assignment[] assignments;
  private final boolean stratified;

  /** A splitter for {@code plan}, falling back to the group hash with {@code seed}. */
  public BalancedGroupSplitter(BalancedGroupPlan plan, long seed) {
    this(plan, seed, false);
  }

  /** As above; when {@code stratified}, a record without a class is rejected. */
  BalancedGroupSplitter(BalancedGroupPlan plan, long seed, boolean stratified) {
    this.stratified = stratified;
    this.plan = plan;
    this.fallback = new GroupHashSplitter(plan.target(), seed);
    this.assignments = Assignment.table(plan.target(), false);
  }

  @Override
  public Assignment assign(SplitFields fields) {
    String group = fields.group();
    if (group == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_GROUP);
    }
    if (stratified && fields.stratum() == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_STRATUM);
    }
    int i = plan.channelIndexOf(group);
    return assignments[i >= 0 ? i : fallback.indexOf(group)];
  }

  @Override
  public SplitExpectations expectations() {
    return SplitExpectations.plain(plan.target(), true, false, Duration.ZERO);
  }
}
