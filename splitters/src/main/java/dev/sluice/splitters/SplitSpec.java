package dev.sluice.splitters;

import java.io.Serializable;
import java.util.List;

/**
 * A validated, immutable split configuration: the single entry point for the jobs module. The
 * family is closed: a spec either assigns records at once ({@link UnplannedSpec}) or needs a
 * planning pass over the data first ({@link PlannedSpec}), so no spec carries methods that only
 * throw.
 *
 * <p>Each strategy's builder ({@code RandomSplitSpec.builder()}, {@code GroupSplitSpec.builder()},
 * {@code TimeSplitSpec.builder()}, {@code DomainSplitSpec.builder()}) validates its keys and
 * returns the member of the family its configuration calls for. This type knows none of them, so
 * the strategy packages depend on this one and never the other way round.
 *
 * <pre>{@code
 * SplitSpec spec = GroupSplitSpec.builder().seed(7).balanced(true).build(); // throws every problem
 * Splitter splitter;
 * if (spec instanceof PlannedSpec planned) {     // batch only; continuous runs refuse these
 *   PlanningAccumulator acc = planned.newAccumulator();
 *   records.forEach(acc::add);                   // in parallel, then merge(...)
 *   splitter = planned.splitter(planned.plan(acc));
 * } else {
 *   splitter = ((UnplannedSpec) spec).splitter();
 * }
 * }</pre>
 */
public sealed interface SplitSpec extends Serializable permits UnplannedSpec, PlannedSpec {

  /** The {@code split.strategy} value: random, group, time or domain. */
  String strategy();

  /** The seed salting every hash. */
  long seed();

  /** The channels, in order. */
  List<Channel> channels();

  /**
   * True when a planning pass over the data must run before records can be assigned (time
   * fractions, balanced groups, domain with group inner): exactly when this is a {@link
   * PlannedSpec}. Continuous runs accept only specs where this is false.
   */
  default boolean needsPlanningPass() {
    return this instanceof PlannedSpec;
  }
}
