package dev.sluice.splitters.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.PropertySeed;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TimeSplitterProperties {
  private static final long DAY = 86_400_000L;
  private static final Instant EPOCH_2024 = Instant.parse("2024-01-01T00:00:00Z");

  @Provide
  Arbitrary<double[]> fractions() {
    return Statistics.threeFractions();
  }

  @Property(seed = PropertySeed.FIXED, tries = 100)
  void channelsAreInTimeOrderWithMoreThanTheGapBetweenThemAndGapRecordsAreCounted(
      @ForAll @Size(min = 1, max = 400) List<@LongRange(min = 0, max = 100 * DAY) Long> offsets,
      @ForAll @IntRange(min = 1, max = 40) int validationDay,
      @ForAll @IntRange(min = 1, max = 40) int validationDays,
      @ForAll @LongRange(min = 0, max = DAY - 1) long gapMillis) {
    Instant v = EPOCH_2024.plusMillis(validationDay * DAY);
    Instant t = v.plusMillis(validationDays * DAY);
    Splitter s =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .start("validation", v)
                    .start("test", t)
                    .gap(Duration.ofMillis(gapMillis))
                    .build())
            .splitter();
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    long excluded = 0;
    for (long offset : offsets) {
      long ts = EPOCH_2024.toEpochMilli() + offset;
      Assignment a = s.assign(SplitFields.ofTime("r", ts));
      auditor.record(SplitFields.ofTime("r", ts), a);
      if (a.kind() == Assignment.Kind.EXCLUDED_BY_GAP) {
        excluded++;
        boolean beforeValidation = ts >= v.toEpochMilli() - gapMillis && ts < v.toEpochMilli();
        boolean beforeTest = ts >= t.toEpochMilli() - gapMillis && ts < t.toEpochMilli();
        assertThat(beforeValidation || beforeTest).isTrue();
      }
    }
    AuditReport report = auditor.report();
    assertThat(report.violations()).isEmpty();
    assertThat(report.excludedByGap()).isEqualTo(excluded);
  }

  @Property(seed = PropertySeed.FIXED, tries = 100)
  void recordsSharingATimestampNeverStraddleACutOffAndTheCutOffBelongsToTheLaterChannel(
      @ForAll @LongRange(min = 0, max = 10 * DAY) long at) {
    Instant v = EPOCH_2024.plusMillis(at);
    Splitter s =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .start("validation", v)
                    .start("test", v.plusMillis(DAY))
                    .build())
            .splitter();
    assertThat(s.assign(SplitFields.ofTime("a", v.toEpochMilli())).channel().name())
        .isEqualTo("validation");
    assertThat(s.assign(SplitFields.ofTime("b", v.toEpochMilli() - 1)).channel().name())
        .isEqualTo("train");
  }

  @Property(seed = PropertySeed.FIXED, tries = 40)
  void fractionsModeGivesTrainTheOldestRecordsAndHitsTheFractionsUpToOneTimestampsRecords(
      @ForAll("fractions") double[] f,
      @ForAll @Size(min = 50, max = 600) List<@IntRange(min = 0, max = 2000) Integer> hours) {
    TimeFractionsSpec spec = (TimeFractionsSpec) TimeSplitSpec.builder().fractions(f).build();
    assertThat(spec.needsPlanningPass()).isTrue();
    TimestampHistogram h1 = (TimestampHistogram) spec.newAccumulator();
    TimestampHistogram h2 = (TimestampHistogram) spec.newAccumulator();
    long maxTie = 0;
    java.util.Map<Integer, Long> ties = new java.util.HashMap<>();
    for (int i = 0; i < hours.size(); i++) {
      SplitFields fields = SplitFields.ofTime("r" + i, hours.get(i) * 3_600_000L);
      (i % 2 == 0 ? h1 : h2).add(fields);
      maxTie = Math.max(maxTie, ties.merge(hours.get(i), 1L, Long::sum));
    }
    h1.merge(Statistics.roundTrip(h2));
    TimeCutoffPlan plan = (TimeCutoffPlan) spec.plan(h1);
    assertThat(plan.exact()).isTrue();
    Splitter s = spec.splitter(plan);
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    for (int i = 0; i < hours.size(); i++) {
      SplitFields fields = SplitFields.ofTime("r" + i, hours.get(i) * 3_600_000L);
      auditor.record(fields, s.assign(fields));
    }
    AuditReport report = auditor.report();
    assertThat(report.violations()).isEmpty();
    double slack = (double) maxTie / hours.size();
    double[] planned = plan.realisedFractions();
    for (int c = 0; c < 3; c++) {
      // Cumulative shares are within half a tie block of their targets, so each channel is within
      // one.
      assertThat(Math.abs(report.channels().get(c).realised() - f[c]))
          .isLessThanOrEqualTo(slack + 1e-9);
      assertThat(report.channels().get(c).realised()).isCloseTo(planned[c], within(1e-12));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
