package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.random.StratifiedPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** split.stratify-by: every class keeps its share in every channel. */
class StratifiedSplitProperties {

  private static AuditReport split(PlannedSpec spec, List<SplitFields> records) {
    PlanningAccumulator a = spec.newAccumulator();
    PlanningAccumulator b = spec.newAccumulator();
    for (int i = 0; i < records.size(); i++) {
      (i % 2 == 0 ? a : b).add(records.get(i));
    }
    b.merge(Statistics.roundTrip(a));
    Splitter s = Statistics.roundTrip(spec.splitter(Statistics.roundTrip(spec.plan(b))));
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    records.forEach(f -> auditor.record(f, s.assign(f)));
    return auditor.report();
  }

  /**
   * The stated bound of a stratified random split: each channel holds its fraction of every class
   * to within one record. With 1 % positives, every channel's positive share is then within one
   * record of 1 %.
   */
  @Property(seed = PropertySeed.FIXED, tries = 30)
  void aRandomSplitOfOnePercentPositivesGivesEveryChannelItsShareToWithinOneRecord(
      @ForAll @IntRange(min = 2_000, max = 30_000) int n,
      @ForAll long seed,
      @ForAll("fractions") double[] fractions) {
    PlannedSpec spec =
        (PlannedSpec)
            RandomSplitSpec.builder().seed(seed).fractions(fractions).stratified(true).build();
    List<SplitFields> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(SplitFields.ofKey("rec-" + i).withStratum(i % 100 == 7 ? "1" : "0"));
    }
    long positives = records.stream().filter(f -> f.stratum().equals("1")).count();
    AuditReport report = split(spec, records);
    assertThat(report.assignedRecords()).isEqualTo(n);
    Map<String, Long> pos = report.classesPerChannel().get("1");
    Map<String, Long> neg = report.classesPerChannel().get("0");
    List<String> names = List.of("train", "validation", "test");
    for (int j = 0; j < 3; j++) {
      String c = names.get(j);
      assertThat((double) pos.get(c)).isCloseTo(fractions[j] * positives, within(1.0));
      assertThat((double) neg.get(c)).isCloseTo(fractions[j] * (n - positives), within(1.0));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<double[]> fractions() {
    return Statistics.threeFractions();
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Property(seed = PropertySeed.FIXED, tries = 40)
  void aStratifiedGroupSplitKeepsGroupsWholeAndAccountsForEveryRecord(
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(max = 60) Integer> groups,
      @ForAll @Size(min = 400, max = 400) List<@IntRange(max = 9) Integer> labels) {
    PlannedSpec spec = (PlannedSpec) GroupSplitSpec.builder().seed(seed).stratified(true).build();
    List<SplitFields> records = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      records.add(
          SplitFields.ofGroup("r" + i, "g" + groups.get(i))
              .withStratum(labels.get(i) == 0 ? "rare" : "common"));
    }
    AuditReport report = split(spec, records);
    assertThat(report.violations()).isEmpty();
    assertThat(report.assignedRecords()).isEqualTo(records.size());
    long counted =
        report.classesPerChannel().values().stream()
            .flatMap(m -> m.values().stream())
            .mapToLong(Long::longValue)
            .sum();
    assertThat(counted).isEqualTo(records.size());
  }

  /**
   * As StratifiedGroupKFold: 1,000 speakers of 20 utterances, 100 of whom have 2 positives each (1
   * % positives); the groups stay whole and every channel's positive share is within 0.1 percentage
   * point of 1 %.
   */
  @Property(seed = PropertySeed.FIXED, tries = 10)
  void aGroupSplitOfOnePercentPositivesKeepsTheShareInEveryChannel(@ForAll long seed) {
    PlannedSpec spec = (PlannedSpec) GroupSplitSpec.builder().seed(seed).stratified(true).build();
    List<SplitFields> records = new ArrayList<>();
    for (int g = 0; g < 1000; g++) {
      for (int i = 0; i < 20; i++) {
        boolean positive = g % 10 == 3 && i < 2;
        records.add(
            SplitFields.ofGroup("u" + g + "-" + i, "spk" + g).withStratum(positive ? "1" : "0"));
      }
    }
    AuditReport report = split(spec, records);
    assertThat(report.violations()).isEmpty();
    Map<String, Long> pos = report.classesPerChannel().get("1");
    for (AuditReport.ChannelFigures c : report.channels()) {
      double share = (double) pos.get(c.channel()) / c.records();
      assertThat(share).as(c.channel()).isCloseTo(0.01, within(0.001));
      assertThat(c.realised()).isCloseTo(c.requested(), within(0.01));
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 20)
  void aRareClassIsReportedAndItsRecordsAreStillAssigned(@ForAll long seed) {
    PlannedSpec spec = (PlannedSpec) RandomSplitSpec.builder().seed(seed).stratified(true).build();
    List<SplitFields> records = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      records.add(SplitFields.ofKey("k" + i).withStratum(i < 2 ? "rare" : "common"));
    }
    PlanningAccumulator acc = spec.newAccumulator();
    records.forEach(acc::add);
    StratifiedPlan plan = (StratifiedPlan) spec.plan(acc);
    assertThat(plan.rareClasses()).containsOnlyKeys("rare");
    assertThat(plan.describe().get("rare_classes").toString()).contains("rare (2 records)");
    Splitter s = spec.splitter(plan);
    Map<String, Integer> rareChannels = new HashMap<>();
    for (SplitFields f : records.subList(0, 2)) {
      Assignment a = s.assign(f);
      assertThat(a.isChannel()).isTrue();
      rareChannels.merge(a.channel().name(), 1, Integer::sum);
    }
    // The plain hash rule, as for an unstratified split of the same seed.
    Splitter plain = ((UnplannedSpec) RandomSplitSpec.builder().seed(seed).build()).splitter();
    for (SplitFields f : records.subList(0, 2)) {
      assertThat(s.assign(f).channelIndex()).isEqualTo(plain.assign(f).channelIndex());
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 5)
  void aRecordWithoutAClassIsRejectedWithItsReason(@ForAll long seed) {
    PlannedSpec spec = (PlannedSpec) RandomSplitSpec.builder().seed(seed).stratified(true).build();
    Splitter s = spec.splitter(spec.plan(spec.newAccumulator()));
    assertThat(s.assign(SplitFields.ofKey("k")).reason())
        .isEqualTo(Assignment.Reason.MISSING_STRATUM);
  }
}
