package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.time.TimeSplitSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow the jobs module follows, for every strategy. */
class SplitSpecTest {

  private static List<SplitFields> records() {
    List<SplitFields> records = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      records.add(
          new SplitFields(
              "rec-" + i,
              "speaker-" + (i % 97),
              i % 4 == 0 ? "noisy" : "clean",
              1_700_000_000_000L + (i / 10) * 3_600_000L,
              true));
    }
    return records;
  }

  private static Splitter prepare(SplitSpec spec, List<SplitFields> records) {
    if (!(spec instanceof PlannedSpec planned)) {
      return ((UnplannedSpec) spec).splitter();
    }
    PlanningAccumulator left = planned.newAccumulator();
    PlanningAccumulator right = planned.newAccumulator();
    for (int i = 0; i < records.size(); i++) {
      (i % 2 == 0 ? left : right).add(records.get(i));
    }
    left.merge(Statistics.roundTrip(right));
    SplitPlan plan = Statistics.roundTrip(planned.plan(left));
    assertThat(plan.describe()).isNotEmpty();
    return Statistics.roundTrip(planned.splitter(plan));
  }

  @Test
  void everyStrategyRunsThroughTheSameFlowAndPassesItsAudit() {
    List<SplitSpec> specs =
        List.of(
            RandomSplitSpec.builder().seed(1).build(),
            GroupSplitSpec.builder().seed(1).build(),
            GroupSplitSpec.builder().seed(1).balanced(true).build(),
            TimeSplitSpec.builder().validationStart("2023-11-20").testStart("2023-11-21").build(),
            TimeSplitSpec.builder().fractions(0.7, 0.15, 0.15).build(),
            DomainSplitSpec.builder().preset("clean-train-noisy-eval").build(),
            DomainSplitSpec.builder()
                .preset("clean-split-noisy-mixed")
                .inner("group")
                .crossDomainGroups("follow-majority")
                .build());
    List<SplitFields> records = records();
    for (SplitSpec spec : specs) {
      Splitter splitter = prepare(Statistics.roundTrip(spec), records);
      dev.sluice.splitters.audit.LeakageAuditor auditor =
          new dev.sluice.splitters.audit.LeakageAuditor(splitter.expectations());
      for (SplitFields f : records) {
        auditor.record(f, splitter.assign(f));
      }
      var report = auditor.report();
      assertThat(report.violations()).as(spec.strategy()).isEmpty();
      assertThat(report.assignedRecords() + report.excludedByGap()).isEqualTo(records.size());
    }
  }

  @Test
  void onlyPlanFreeSpecsCanRunContinuously() {
    assertThat(RandomSplitSpec.builder().build().needsPlanningPass()).isFalse();
    assertThat(GroupSplitSpec.builder().build().needsPlanningPass()).isFalse();
    assertThat(GroupSplitSpec.builder().balanced(true).build().needsPlanningPass()).isTrue();
    assertThat(TimeSplitSpec.builder().build().needsPlanningPass()).isTrue();
    assertThat(
            TimeSplitSpec.builder()
                .validationStart("2024-01-01")
                .testStart("2024-02-01")
                .build()
                .needsPlanningPass())
        .isFalse();
    assertThat(
            DomainSplitSpec.builder().preset("clean-train-noisy-eval").build().needsPlanningPass())
        .isFalse();
    assertThat(
            DomainSplitSpec.builder()
                .preset("clean-train-noisy-eval")
                .inner("group")
                .crossDomainGroups("follow-majority")
                .build()
                .needsPlanningPass())
        .isTrue();
  }

  @Test
  void assignmentsAreSharedInstancesSoAssigningAllocatesNoResult() {
    Splitter s = ((UnplannedSpec) RandomSplitSpec.builder().build()).splitter();
    SplitFields f = SplitFields.ofKey("rec-1");
    assertThat(s.assign(f)).isSameAs(s.assign(f));
  }
}
