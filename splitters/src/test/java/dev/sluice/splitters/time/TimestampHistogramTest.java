package dev.sluice.splitters.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimestampHistogramTest {

  @Test
  void staysExactWhileDistinctTimestampsFitAndCountsEveryRecord() {
    TimestampHistogram h = new TimestampHistogram(10, 200);
    for (int i = 0; i < 1000; i++) {
      h.add(SplitFields.ofTime("r", (i % 10) * 1000L));
    }
    h.add(SplitFields.ofKey("no-time"));
    assertThat(h.isExact()).isTrue();
    assertThat(h.records()).isEqualTo(1000);
    assertThat(h.recordsWithoutTimestamp()).isEqualTo(1);
    assertThat(h.exactCounts()).hasSize(10).containsEntry(0L, 100L);
  }

  @Test
  void switchesToASketchBeyondTheBoundAndSurvivesShippingAndMerging() {
    TimestampHistogram a = new TimestampHistogram(100, 200);
    TimestampHistogram b = new TimestampHistogram(100, 200);
    for (int i = 0; i < 20_000; i++) {
      (i % 2 == 0 ? a : b).add(i, 1);
    }
    assertThat(a.isExact()).isFalse();
    TimestampHistogram shipped = Statistics.roundTrip(b);
    a.merge(shipped);
    assertThat(a.records()).isEqualTo(20_000);
    assertThat(a.rankError()).isGreaterThan(0).isLessThan(0.02);
  }

  @Test
  void exactMergeThatOverflowsTheBoundSwitchesToTheSketch() {
    TimestampHistogram a = new TimestampHistogram(5, 200);
    TimestampHistogram b = new TimestampHistogram(5, 200);
    for (int i = 0; i < 4; i++) {
      a.add(i, 1);
      b.add(100 + i, 1);
    }
    a.merge(b);
    assertThat(a.isExact()).isFalse();
    assertThat(a.records()).isEqualTo(8);
  }

  @Test
  void sketchModePlansCutOffsWithinTheStatedRankErrorAndSaysSo() {
    TimeFractionsSpec spec =
        (TimeFractionsSpec)
            TimeSplitSpec.builder()
                .fractions(0.7, 0.2, 0.1)
                .exactTimestampLimit(1000)
                .sketchK(400)
                .build();
    TimestampHistogram h = (TimestampHistogram) spec.newAccumulator();
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      h.add(1_700_000_000_000L + i * 1000L, 1);
    }
    TimeCutoffPlan plan = (TimeCutoffPlan) spec.plan(h);
    assertThat(plan.exact()).isFalse();
    Map<String, Object> d = plan.describe();
    assertThat(d).containsEntry("method", "kll-sketch");
    assertThat((String) d.get("error_bound")).contains("within ±" + plan.rankError());

    Splitter s = spec.splitter(plan);
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    for (int i = 0; i < n; i++) {
      SplitFields f = SplitFields.ofTime("r", 1_700_000_000_000L + i * 1000L);
      auditor.record(f, s.assign(f));
    }
    AuditReport report = auditor.report();
    assertThat(report.passed()).isTrue();
    double eps = plan.rankError();
    assertThat(report.channel("train").realised())
        .isCloseTo(0.7, org.assertj.core.data.Offset.offset(eps));
    assertThat(report.channel("test").realised())
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(eps));
  }

  @Test
  void exactPlanPutsATiedTimestampWhollyOnOneSide() {
    TimeFractionsSpec spec =
        (TimeFractionsSpec) TimeSplitSpec.builder().fractions(0.5, 0.25, 0.25).build();
    TimestampHistogram h = (TimestampHistogram) spec.newAccumulator();
    h.add(10, 3); // t=10: 3 records
    h.add(20, 4); // t=20: 4 records -- straddles the 50 % mark (3.5) if split
    h.add(30, 1);
    TimeCutoffPlan plan = (TimeCutoffPlan) spec.plan(h);
    long[] starts = plan.starts();
    // count before 20 = 3 (|3-4| = 1) vs before 30 = 7 (|7-4| = 3): validation starts at 20.
    assertThat(starts[0]).isEqualTo(20);
    assertThat(plan.describe()).containsEntry("method", "exact");
  }
}
