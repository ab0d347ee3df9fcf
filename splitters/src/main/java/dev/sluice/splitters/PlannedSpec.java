package dev.sluice.splitters;

/**
 * A split that plans from the data first: a planning pass feeds every record to {@link
 * #newAccumulator()} (one per task, merged), {@link #plan} turns the merged accumulator into a
 * {@link SplitPlan}, and {@link #splitter(SplitPlan)} assigns by that plan. Bounded runs only.
 */
public non-sealed interface PlannedSpec extends SplitSpec {

  /**
   * What in the configuration plans from the data, and how to do without it, for a run that cannot
   * plan (a continuous one): {@code "time fractions; give split.time.validation-start and
   * split.time.test-start instead"}.
   */
  String planningHint();

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
