package dev.sluice.splitters.group;

import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitFields;

/**
 * Planning accumulator of a stratified group split: records per group per class ({@code
 * split.stratify-by} value). Memory is proportional to the distinct (group, class) pairs. Records
 * without a group or class are not counted (the splitter rejects them).
 */
public final class GroupClassCounts implements PlanningAccumulator {
  private static final long serialVersionUID = 1L;

  // The per-domain slot of GroupCounts holds the class here.
  private final GroupCounts counts = new GroupCounts();

  @Override
  public void add(SplitFields fields) {
    if (fields.group() != null && fields.stratum() != null) {
      counts.add(fields.group(), fields.stratum(), 1);
    }
  }

  /** Adds {@code count} records of {@code group} in class {@code stratum}. */
  public void add(String group, String stratum, long count) {
    counts.add(group, stratum, count);
  }

  @Override
  public void merge(PlanningAccumulator other) {
    if (!(other instanceof GroupClassCounts o)) {
      throw new IllegalArgumentException("cannot merge " + other + " into GroupClassCounts");
    }
    counts.merge(o.counts);
  }

  /** Group to total records, and group to (class to records). */
  GroupCounts counts() {
    return counts;
  }
}
