package dev.sluice.splitters;

import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.time.TimeSplitSpec;
import java.io.Serializable;
import java.util.List;

/**
 * A validated, immutable split configuration: the single entry point for the jobs module.
 *
 * <pre>{@code
 * SplitSpec spec = SplitSpec.group().seed(7).balanced(true).build(); // throws every problem
 * Splitter splitter;
 * if (spec.needsPlanningPass()) {              // batch only; continuous runs refuse these
 *   PlanningAccumulator acc = spec.newAccumulator();
 *   records.forEach(acc::add);                   // in parallel, then merge(...)
 *   splitter = spec.splitter(spec.plan(acc));
 * } else {
 *   splitter = spec.splitter();
 * }
 * }</pre>
 */
public interface SplitSpec extends Serializable {

  /** The {@code split.strategy} value: random, group, time or domain. */
  String strategy();

  /** The seed salting every hash. */
  long seed();

  /** The channels, in order. */
  List<Channel> channels();

  /**
   * True when a planning pass over the data must run before records can be assigned (time
   * fractions, balanced groups, domain with group inner). Continuous runs accept only specs where
   * this is false.
   */
  boolean needsPlanningPass();

  /** A fresh accumulator for the planning pass; only when {@link #needsPlanningPass()}. */
  PlanningAccumulator newAccumulator();

  /** Computes the plan from the merged accumulator; only when {@link #needsPlanningPass()}. */
  SplitPlan plan(PlanningAccumulator merged);

  /** The splitter when no plan is needed; otherwise throws {@link IllegalStateException}. */
  Splitter splitter();

  /** The splitter for {@code plan}, a plan made by this spec's {@link #plan}. */
  Splitter splitter(SplitPlan plan);

  /** Builder for {@code split.strategy = random}. */
  static RandomSplitSpec.Builder random() {
    return RandomSplitSpec.builder();
  }

  /** Builder for {@code split.strategy = group}. */
  static GroupSplitSpec.Builder group() {
    return GroupSplitSpec.builder();
  }

  /** Builder for {@code split.strategy = time}. */
  static TimeSplitSpec.Builder time() {
    return TimeSplitSpec.builder();
  }

  /** Builder for {@code split.strategy = domain}. */
  static DomainSplitSpec.Builder domain() {
    return DomainSplitSpec.builder();
  }
}
