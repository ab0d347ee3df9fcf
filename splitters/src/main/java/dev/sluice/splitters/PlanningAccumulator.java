package dev.sluice.splitters;

import java.io.Serializable;

/**
 * Gathers what a planner needs from a first pass over the data. Accumulators are built in parallel
 * (one per task), merged, then handed to {@link PlannedSpec#plan}. They never keep records; their
 * memory is stated by each implementation.
 */
public interface PlanningAccumulator extends Serializable {

  /** Adds one record. */
  void add(SplitFields fields);

  /**
   * Adds everything {@code other} has seen into this accumulator; {@code other} must be of the same
   * kind (the result does not depend on merge order).
   */
  void merge(PlanningAccumulator other);
}
