package dev.sluice.splitters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.PropertySeed;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import dev.sluice.splitters.group.GroupCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Each split.domain.cross-domain-groups policy keeps its promises on any data. */
class CrossDomainPolicyProperties {

  @Provide
  Arbitrary<String> presets() {
    return Arbitraries.of("clean-train-noisy-eval", "clean-split-noisy-mixed");
  }

  @Provide
  Arbitrary<CrossDomainPolicy> policies() {
    return Arbitraries.of(CrossDomainPolicy.class);
  }

  private record Outcome(
      List<SplitFields> records,
      List<Assignment> assignments,
      DomainGroupPlan plan,
      DomainGroupSpec spec,
      AuditReport report) {}

  private static Outcome split(
      String preset,
      CrossDomainPolicy policy,
      long seed,
      List<Integer> speakers,
      List<Integer> domainDraws) {
    DomainGroupSpec spec =
        (DomainGroupSpec)
            DomainSplitSpec.builder()
                .preset(preset)
                .inner("group")
                .crossDomainGroups(policy.key())
                .seed(seed)
                .build();
    List<SplitFields> records = new ArrayList<>();
    for (int i = 0; i < speakers.size(); i++) {
      // Noisy is scarce, as in the field: about one record in five.
      String domain = domainDraws.get(i) == 0 ? "noisy" : "clean";
      records.add(SplitFields.ofDomain("r" + i, domain, "speaker-" + speakers.get(i)));
    }
    GroupCounts a = spec.newAccumulator();
    GroupCounts b = spec.newAccumulator();
    for (int i = 0; i < records.size(); i++) {
      (i % 3 == 0 ? a : b).add(records.get(i));
    }
    a.merge(Statistics.roundTrip(b));
    DomainGroupPlan plan = Statistics.roundTrip(spec.plan(a));
    Splitter s = Statistics.roundTrip(spec.splitter(plan));
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    List<Assignment> assignments = new ArrayList<>();
    for (SplitFields f : records) {
      Assignment asg = s.assign(f);
      assignments.add(asg);
      auditor.record(f, asg);
    }
    return new Outcome(records, assignments, plan, spec, auditor.report());
  }

  @Property(seed = PropertySeed.FIXED, tries = 80)
  void noGroupIsInTwoChannelsExceptUnderSplitByDomainWhereItIsWholeWithinEachDomain(
      @ForAll("presets") String preset,
      @ForAll("policies") CrossDomainPolicy policy,
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 25) Integer> speakers,
      @ForAll @Size(min = 300, max = 300) List<@IntRange(max = 4) Integer> domains) {
    Outcome o = split(preset, policy, seed, speakers, domains);
    Map<String, Integer> byGroup = new HashMap<>();
    Map<String, Integer> byGroupAndDomain = new HashMap<>();
    boolean anyGroupInTwoChannels = false;
    for (int i = 0; i < o.records().size(); i++) {
      Assignment a = o.assignments().get(i);
      if (!a.isChannel()) {
        continue;
      }
      SplitFields f = o.records().get(i);
      int first = byGroup.merge(f.group(), a.channelIndex(), (x, y) -> x);
      anyGroupInTwoChannels |= first != a.channelIndex();
      assertThat(
              byGroupAndDomain.merge(f.group() + "/" + f.domain(), a.channelIndex(), (x, y) -> x))
          .isEqualTo(a.channelIndex());
    }
    if (policy != CrossDomainPolicy.SPLIT_BY_DOMAIN) {
      assertThat(anyGroupInTwoChannels).isFalse();
      assertThat(o.report().leaks()).isEmpty();
    } else {
      assertThat(o.report().leaks().isEmpty()).isEqualTo(!anyGroupInTwoChannels);
    }
    assertThat(o.report().violations()).isEmpty();
  }

  @Property(seed = PropertySeed.FIXED, tries = 80)
  void routesAreKeptExceptForTheRecordsFollowMajorityReroutes(
      @ForAll("presets") String preset,
      @ForAll("policies") CrossDomainPolicy policy,
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 25) Integer> speakers,
      @ForAll @Size(min = 300, max = 300) List<@IntRange(max = 4) Integer> domains) {
    Outcome o = split(preset, policy, seed, speakers, domains);
    long offRoute = 0;
    for (int i = 0; i < o.records().size(); i++) {
      Assignment a = o.assignments().get(i);
      SplitFields f = o.records().get(i);
      if (!a.isChannel()) {
        assertThat(policy).isEqualTo(CrossDomainPolicy.EVALUATION_FIRST);
        continue;
      }
      ChannelFractions own = o.spec().routes().get(f.domain());
      if (own.fraction(a.channelIndex()) == 0) {
        offRoute++;
        assertThat(policy).isEqualTo(CrossDomainPolicy.FOLLOW_MAJORITY);
        assertThat(a.isRerouted()).isTrue();
      }
    }
    Map<String, Long> predicted = o.plan().crossDomainGroups().offRouteUnderMajority();
    if (policy == CrossDomainPolicy.FOLLOW_MAJORITY) {
      assertThat(offRoute).isEqualTo(predicted.values().stream().mapToLong(Long::longValue).sum());
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 80)
  void everyRecordIsAssignedOrExcludedAndTheCountsAddUpToWhatThePlanPredicted(
      @ForAll("presets") String preset,
      @ForAll("policies") CrossDomainPolicy policy,
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 25) Integer> speakers,
      @ForAll @Size(min = 300, max = 300) List<@IntRange(max = 4) Integer> domains) {
    Outcome o = split(preset, policy, seed, speakers, domains);
    AuditReport r = o.report();
    assertThat(r.assignedRecords() + r.excludedCrossDomain()).isEqualTo(o.records().size());
    assertThat(r.rejected()).isEmpty();
    long predictedExcluded =
        o.plan().crossDomainGroups().excludedUnderEvaluationFirst().values().stream()
            .mapToLong(Long::longValue)
            .sum();
    assertThat(r.excludedCrossDomain())
        .isEqualTo(policy == CrossDomainPolicy.EVALUATION_FIRST ? predictedExcluded : 0);
    if (policy == CrossDomainPolicy.SPLIT_BY_DOMAIN) {
      assertThat(r.reroutedRecords()).isZero();
    }
    long perChannel = r.channels().stream().mapToLong(AuditReport.ChannelFigures::records).sum();
    assertThat(perChannel).isEqualTo(r.assignedRecords());
  }

  @Property(seed = PropertySeed.FIXED, tries = 60)
  void underEvaluationFirstTheScarceDomainIsNeverExcludedAndFollowsItsOwnRoute(
      @ForAll("presets") String preset,
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 25) Integer> speakers,
      @ForAll @Size(min = 300, max = 300) List<@IntRange(max = 4) Integer> domains) {
    Outcome o = split(preset, CrossDomainPolicy.EVALUATION_FIRST, seed, speakers, domains);
    long clean = o.records().stream().filter(f -> f.domain().equals("clean")).count();
    long noisy = o.records().size() - clean;
    String scarce = noisy <= clean ? "noisy" : "clean";
    for (int i = 0; i < o.records().size(); i++) {
      SplitFields f = o.records().get(i);
      if (f.domain().equals(scarce)) {
        Assignment a = o.assignments().get(i);
        assertThat(a.isChannel()).isTrue();
        assertThat(o.spec().routes().get(scarce).fraction(a.channelIndex())).isPositive();
      }
    }
  }
}
