package dev.sluice.splitters.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.PropertySeed;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class GroupSplitterProperties {

  @Provide
  Arbitrary<double[]> fractions() {
    return Statistics.threeFractions();
  }

  @Property(seed = PropertySeed.FIXED, tries = 50)
  void everyRecordOfAGroupSharesOneChannelAlsoWhenSeenAgainLater(
      @ForAll long seed, @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 40) Integer> ids) {
    Splitter first = ((UnplannedSpec) GroupSplitSpec.builder().seed(seed).build()).splitter();
    Splitter later =
        Statistics.roundTrip(
            ((UnplannedSpec) GroupSplitSpec.builder().seed(seed).build()).splitter());
    LeakageAuditor auditor = new LeakageAuditor(first.expectations());
    Map<String, Integer> channelOf = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      SplitFields f = SplitFields.ofGroup("rec-" + i, "speaker-" + ids.get(i));
      Assignment a = (i % 2 == 0 ? first : later).assign(f);
      auditor.record(f, a);
      assertThat(channelOf.merge(f.group(), a.channelIndex(), (x, y) -> x))
          .isEqualTo(a.channelIndex());
    }
    assertThat(auditor.report().passed()).isTrue();
  }

  @Property(seed = PropertySeed.FIXED, tries = 30)
  void hashModeGroupFractionsAreWithinFiveBinomialStandardDeviations(
      @ForAll long seed, @ForAll("fractions") double[] f) {
    Splitter s =
        ((UnplannedSpec) GroupSplitSpec.builder().seed(seed).fractions(f).build()).splitter();
    int n = 4000;
    long[] counts = new long[3];
    for (int g = 0; g < n; g++) {
      counts[s.assign(SplitFields.ofGroup("r", "speaker-" + g)).channelIndex()]++;
    }
    for (int c = 0; c < 3; c++) {
      Statistics.assertWithinFiveSigma("groups in channel " + c, counts[c], n, f[c]);
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 40)
  void balancedModeHitsEveryChannelWithinTheToleranceWhenGroupsAreSmall(
      @ForAll long seed,
      @ForAll("fractions") double[] f,
      @ForAll @Size(min = 600, max = 1500) List<@IntRange(min = 1, max = 30) Integer> sizes) {
    BalancedGroupSpec spec =
        (BalancedGroupSpec) GroupSplitSpec.builder().seed(seed).fractions(f).balanced(true).build();
    PlanningAccumulator acc = spec.newAccumulator();
    for (int g = 0; g < sizes.size(); g++) {
      ((GroupCounts) acc).add("speaker-" + g, null, sizes.get(g));
    }
    BalancedGroupPlan plan = (BalancedGroupPlan) spec.plan(acc);
    assertThat(plan.withinTolerance()).isTrue();

    Splitter s = spec.splitter(plan);
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    for (int g = 0; g < sizes.size(); g++) {
      for (int r = 0; r < sizes.get(g); r++) {
        SplitFields fields = SplitFields.ofGroup("rec", "speaker-" + g);
        auditor.record(fields, s.assign(fields));
      }
    }
    AuditReport report = auditor.report();
    assertThat(report.passed()).isTrue();
    for (AuditReport.ChannelFigures c : report.channels()) {
      assertThat(Math.abs(c.realised() - c.requested())).isLessThanOrEqualTo(0.01);
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 20)
  void balancedPlansAreTheSameForTheSameTableAndSeedWhateverTheOrderSeen(
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 1, max = 9) Integer> sizes) {
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < sizes.size(); g++) {
      order.add(g);
    }
    Map<String, Long> forward = new LinkedHashMap<>();
    for (int g : order) {
      forward.put("g" + g, (long) sizes.get(g));
    }
    Collections.shuffle(order, new Random(seed));
    GroupCounts a = new GroupCounts();
    GroupCounts b = new GroupCounts();
    for (int g : order) {
      (g % 2 == 0 ? a : b).add("g" + g, null, sizes.get(g));
    }
    b.merge(a);
    var target = ((GroupSplitSpec) GroupSplitSpec.builder().build()).fractions();
    assertThat(BalancedGroupPlanner.plan(b, target, seed, 0.01).channelOfGroup())
        .isEqualTo(BalancedGroupPlanner.plan(forward, target, seed, 0.01).channelOfGroup());
  }

  @Property(seed = PropertySeed.FIXED, tries = 30)
  void aGroupNotInThePlanFallsBackToTheHashRule(@ForAll long seed, @ForAll String newGroup) {
    BalancedGroupSpec spec =
        (BalancedGroupSpec) GroupSplitSpec.builder().seed(seed).balanced(true).build();
    GroupCounts counts = new GroupCounts();
    counts.add("known", null, 10);
    Splitter balanced = spec.splitter(spec.plan(counts));
    Splitter hash = ((UnplannedSpec) GroupSplitSpec.builder().seed(seed).build()).splitter();
    if (!newGroup.equals("known")) {
      SplitFields f = SplitFields.ofGroup("r", newGroup);
      assertThat(balanced.assign(f)).isEqualTo(hash.assign(f));
    }
  }
}
