package dev.sluice.splitters;

/**
 * A split that plans from the data first: a planning pass feeds every record to {@link
 * #newAccumulator()} (one per task, merged), {@link #plan} turns the merged accumulator into a
 * {@link SplitPlan}, and {@link #splitter(SplitPlan)} assigns by that plan. Bounded runs only.
 */
public non-sealed interface PlannedSpec extends SplitSpec {

  /** A fresh, empty accumulator for one task of the planning pass. */
  PlanningAccumulator newAccumulator();

  /**
   * Computes the plan from the merged accumulator. Throws {@link SplitConfigException} when the
   * data shows the configuration cannot work (e.g. a domain without a route): the run stops before
   * writing.
   */
  SplitPlan plan(PlanningAccumulator merged);

  /** The splitter for {@code plan}, a plan made by this spec's {@link #plan}. */
  Splitter splitter(SplitPlan plan);
}
