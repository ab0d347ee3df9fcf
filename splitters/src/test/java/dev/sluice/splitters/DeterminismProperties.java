package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.time.TimeSplitSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Assignment is a pure function of the split fields, the configuration and the seed (and a plan
 * made from the same data): not of arrival order, parallelism or the instance.
 */
class DeterminismProperties {

  private static List<SplitSpec> specs(long seed) {
    return List.of(
        RandomSplitSpec.builder().seed(seed).build(),
        GroupSplitSpec.builder().seed(seed).build(),
        GroupSplitSpec.builder().seed(seed).balanced(true).build(),
        TimeSplitSpec.builder()
            .seed(seed)
            .validationStart("2024-01-10")
            .testStart("2024-01-20")
            .build(),
        TimeSplitSpec.builder().seed(seed).build(),
        DomainSplitSpec.builder().seed(seed).preset("clean-split-noisy-mixed").build(),
        DomainSplitSpec.builder()
            .seed(seed)
            .preset("clean-train-noisy-eval")
            .inner("group")
            .crossDomainGroups("follow-majority")
            .build());
  }

  @Provide
  Arbitrary<List<SplitFields>> data() {
    Arbitrary<SplitFields> record =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.integers().between(0, 30),
                Arbitraries.of("clean", "noisy"),
                Arbitraries.longs().between(0, 40L * 86_400_000L))
            .as(
                (key, group, domain, t) ->
                    new SplitFields(key, "g" + group, domain, 1_704_067_200_000L + t, true));
    return record.list().ofMinSize(1).ofMaxSize(200);
  }

  /** Plans from {@code records} fed to {@code parts} accumulators in a shuffled order. */
  private static Splitter prepare(
      SplitSpec spec, List<SplitFields> records, long shuffle, int parts) {
    if (!(spec instanceof PlannedSpec planned)) {
      return ((UnplannedSpec) spec).splitter();
    }
    List<SplitFields> order = new ArrayList<>(records);
    Collections.shuffle(order, new Random(shuffle));
    List<PlanningAccumulator> accs = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      accs.add(planned.newAccumulator());
    }
    for (int i = 0; i < order.size(); i++) {
      accs.get(i % parts).add(order.get(i));
    }
    PlanningAccumulator merged = accs.get(parts - 1);
    for (int i = parts - 2; i >= 0; i--) {
      merged.merge(accs.get(i));
    }
    return Statistics.roundTrip(planned.splitter(planned.plan(merged)));
  }

  @Property(seed = PropertySeed.FIXED, tries = 40)
  void everyStrategyAssignsTheSameWhateverTheOrderPartitioningOrInstance(
      @ForAll("data") List<SplitFields> records, @ForAll long seed, @ForAll long shuffle) {
    List<SplitSpec> first = specs(seed);
    List<SplitSpec> second = specs(seed);
    for (int s = 0; s < first.size(); s++) {
      Splitter a = prepare(first.get(s), records, 0, 1);
      Splitter b = prepare(Statistics.roundTrip(second.get(s)), records, shuffle, 3);
      for (SplitFields f : records) {
        assertThat(b.assign(f)).as("%s on %s", first.get(s).strategy(), f).isEqualTo(a.assign(f));
      }
    }
  }
}
