package dev.sluice.splitters.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import dev.sluice.splitters.group.GroupCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The case of issue 12: 20,000 clean and 200 noisy utterances from 100 speakers, 83 of whom speak
 * in both domains, under clean-train-noisy-eval with inner group.
 */
class CrossDomainGroupsTest {

  /** Speaker i has 200 clean utterances; speakers 0-82 also have 2 or 3 noisy ones (200 in all). */
  static List<SplitFields> factory() {
    List<SplitFields> records = new ArrayList<>();
    for (int s = 0; s < 100; s++) {
      for (int i = 0; i < 200; i++) {
        records.add(SplitFields.ofDomain("clean-" + s + "-" + i, "clean", speaker(s)));
      }
    }
    for (int s = 0; s < 83; s++) {
      for (int i = 0; i < (s < 34 ? 3 : 2); i++) {
        records.add(SplitFields.ofDomain("noisy-" + s + "-" + i, "noisy", speaker(s)));
      }
    }
    return records;
  }

  private static String speaker(int s) {
    return String.format("spk-%03d", s);
  }

  private static DomainGroupSpec spec(String policy) {
    return (DomainGroupSpec)
        DomainSplitSpec.builder()
            .preset("clean-train-noisy-eval")
            .inner("group")
            .crossDomainGroups(policy)
            .seed(42)
            .build();
  }

  private static GroupCounts counts(DomainGroupSpec spec) {
    GroupCounts counts = spec.newAccumulator();
    factory().forEach(counts::add);
    return counts;
  }

  private static AuditReport run(DomainGroupSpec spec) {
    DomainGroupPlan plan = spec.plan(counts(spec));
    Splitter s = spec.splitter(plan);
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    for (SplitFields f : factory()) {
      auditor.record(f, s.assign(f));
    }
    return auditor.report();
  }

  @Test
  void withoutAChosenPolicyThePlanStopsAndStatesTheCountRecordsAndEachPolicysCost() {
    DomainGroupSpec spec = spec(null);
    assertThatThrownBy(() -> spec.plan(counts(spec)))
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining("split.domain.cross-domain-groups: 83 group(s) occur in more than")
        .hasMessageContaining("records per domain: {clean=16600, noisy=200}")
        .hasMessageContaining("follow-majority puts {noisy=200} record(s) into a channel")
        .hasMessageContaining("evaluation-first excludes {clean=16600} record(s)")
        .hasMessageContaining("split-by-domain keeps routes but leaves 83 group(s)")
        .hasMessageContaining("Set split.domain.cross-domain-groups to follow-majority,");
  }

  @Test
  void withoutGroupsInSeveralDomainsNoPolicyIsNeeded() {
    DomainGroupSpec spec = spec(null);
    GroupCounts counts = spec.newAccumulator();
    counts.add("a", "clean", 10);
    counts.add("b", "noisy", 2);
    assertThat(spec.plan(counts).crossDomainGroups().groups()).isZero();
  }

  @Test
  void followMajoritySendsEveryNoisyUtteranceToTrainAndSaysSo() {
    AuditReport report = run(spec("follow-majority"));
    AuditReport.DomainFigures noisy = report.domains().get(1);
    assertThat(noisy.domain()).isEqualTo("noisy");
    assertThat(noisy.recordsPerChannel()).containsEntry("train", 200L);
    assertThat(report.reroutedRecords()).isEqualTo(200);
    assertThat(report.channel("validation").records()).isZero();
    assertThat(report.violations()).isEmpty();
  }

  @Test
  void evaluationFirstKeepsNoisyInEvaluationAndExcludesTheCleanRecordsOfItsSpeakers() {
    AuditReport report = run(spec("evaluation-first"));
    AuditReport.DomainFigures noisy = report.domains().get(1);
    assertThat(noisy.recordsPerChannel()).containsEntry("train", 0L);
    assertThat(noisy.recordsPerChannel().get("validation") + noisy.recordsPerChannel().get("test"))
        .isEqualTo(200);
    assertThat(report.channel("validation").records()).isPositive();
    assertThat(report.channel("test").records()).isPositive();
    assertThat(report.excludedCrossDomain()).isEqualTo(16_600);
    assertThat(report.channel("train").records()).isEqualTo(17 * 200);
    assertThat(report.violations()).isEmpty();
    assertThat(report.leaks()).isEmpty();
  }

  @Test
  void splitByDomainKeepsEveryRouteAndReportsTheSpeakersHeardInTrainAndEvaluationAsALeak() {
    AuditReport report = run(spec("split-by-domain"));
    assertThat(report.domains().get(1).recordsPerChannel()).containsEntry("train", 0L);
    assertThat(report.channel("train").records()).isEqualTo(20_000);
    assertThat(report.violations()).isEmpty();
    assertThat(report.leaks())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("split.domain.cross-domain-groups = split-by-domain leaks: 83 group(s)");
  }

  @Test
  void evaluationFirstExcludesWithItsOwnKind() {
    DomainGroupSpec spec = spec("evaluation-first");
    Splitter s = spec.splitter(spec.plan(counts(spec)));
    Assignment a = s.assign(SplitFields.ofDomain("clean-0-0", "clean", speaker(0)));
    assertThat(a.kind()).isEqualTo(Assignment.Kind.EXCLUDED_CROSS_DOMAIN);
  }

  @Test
  void aPolicyIsRefusedWithInnerRandomAndAnUnknownPolicyIsNamed() {
    assertThatThrownBy(
            () ->
                DomainSplitSpec.builder()
                    .preset("clean-train-noisy-eval")
                    .crossDomainGroups("evaluation-first")
                    .build())
        .hasMessageContaining(
            "split.domain.cross-domain-groups: applies only with split.domain.inner = group");
    assertThatThrownBy(
            () ->
                DomainSplitSpec.builder()
                    .preset("clean-train-noisy-eval")
                    .inner("group")
                    .crossDomainGroups("majority")
                    .build())
        .hasMessageContaining(
            "split.domain.cross-domain-groups: is 'majority'; use follow-majority,"
                + " evaluation-first or split-by-domain");
  }
}
