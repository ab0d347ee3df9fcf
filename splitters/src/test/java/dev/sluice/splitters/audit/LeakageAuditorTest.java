package dev.sluice.splitters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakageAuditorTest {
  private static final ChannelFractions TVT =
      ChannelFractions.of(List.of("train", "validation", "test"), 0.8, 0.1, 0.1);
  private static final Assignment[] TO = Assignment.table(TVT, false);

  @Test
  void flagsAGroupThatAppearsInTwoChannels() {
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(TVT, true, false, Duration.ZERO));
    auditor.record(SplitFields.ofGroup("a", "speaker-1"), TO[0]);
    auditor.record(SplitFields.ofGroup("b", "speaker-1"), TO[2]);
    auditor.record(SplitFields.ofGroup("c", "speaker-2"), TO[0]);
    AuditReport report = auditor.report();
    assertThat(report.passed()).isFalse();
    assertThat(report.violations())
        .containsExactly(
            "group integrity: 1 group(s) appear in more than one channel, e.g. 'speaker-1' in"
                + " [train, test]");
    assertThat(report.channel("train").distinctGroups()).isEqualTo(2);
    assertThat(report.channel("test").distinctGroups()).isEqualTo(1);
  }

  @Test
  void flagsChannelsThatAreNotInTimeOrderWithTheGap() {
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(TVT, false, true, Duration.ofMillis(10)));
    auditor.record(SplitFields.ofTime("a", 100), TO[0]);
    auditor.record(SplitFields.ofTime("b", 105), TO[1]);
    auditor.record(SplitFields.ofTime("c", 200), TO[2]);
    AuditReport report = auditor.report();
    assertThat(report.violations())
        .containsExactly(
            "time order: latest train record (1970-01-01T00:00:00.100Z) is not more than the gap"
                + " (PT0.01S) before the earliest validation record (1970-01-01T00:00:00.105Z)");
    assertThat(report.channel("test").earliest()).isEqualTo(Instant.ofEpochMilli(200));
  }

  @Test
  void flagsRecordsInAChannelTheirDomainRouteExcludesButNotReroutedOnes() {
    Splitter s =
        ((UnplannedSpec) DomainSplitSpec.builder().preset("clean-train-noisy-eval").build())
            .splitter();
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    auditor.record(SplitFields.ofDomain("a", "noisy", null), TO[0]);
    auditor.record(
        SplitFields.ofDomain("b", "clean", "g"), Assignment.table(TVT, true)[1]); // rerouted
    auditor.record(SplitFields.ofDomain("c", "phone", null), TO[1]);
    AuditReport report = auditor.report();
    assertThat(report.violations())
        .containsExactly(
            "domain routing: 1 record(s) of domain 'noisy' are in channel 'train', which its route"
                + " gives fraction 0",
            "domain routing: 1 record(s) of domain 'phone' were assigned although it has no route"
                + " and no default route");
    assertThat(report.reroutedRecords()).isEqualTo(1);
  }

  @Test
  void reportsCountsFractionsExclusionsAndRejections() {
    Splitter s = ((UnplannedSpec) RandomSplitSpec.builder().seed(3).build()).splitter();
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    for (int i = 0; i < 1000; i++) {
      SplitFields f = SplitFields.ofKey("k" + i);
      auditor.record(f, s.assign(f));
    }
    auditor.record(SplitFields.ofKey(null), Assignment.rejected(Assignment.Reason.MISSING_KEY));
    auditor.record(SplitFields.ofTime("t", 1), Assignment.EXCLUDED_BY_GAP);
    AuditReport report = auditor.report();
    assertThat(report.passed()).isTrue();
    assertThat(report.assignedRecords()).isEqualTo(1000);
    assertThat(report.excludedByGap()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(Map.of("MISSING_KEY", 1L));
    assertThat(report.channels())
        .extracting(AuditReport.ChannelFigures::requested)
        .containsExactly(0.8, 0.1, 0.1);
    assertThat(report.channels().stream().mapToLong(AuditReport.ChannelFigures::records).sum())
        .isEqualTo(1000);
  }

  @Test
  void mergingPartialAuditorsGivesTheSameReportAsOneAuditor() {
    Splitter s =
        ((UnplannedSpec) DomainSplitSpec.builder().preset("clean-split-noisy-mixed").build())
            .splitter();
    LeakageAuditor whole = new LeakageAuditor(s.expectations());
    LeakageAuditor left = new LeakageAuditor(s.expectations());
    LeakageAuditor right = new LeakageAuditor(s.expectations());
    for (int i = 0; i < 500; i++) {
      SplitFields f =
          new SplitFields("k" + i, "g" + (i % 37), i % 3 == 0 ? "noisy" : "clean", i * 7L, true);
      Assignment a = s.assign(f);
      whole.record(f, a);
      (i % 2 == 0 ? left : right).record(f, a);
    }
    left.merge(Statistics.roundTrip(right));
    assertThat(left.report()).isEqualTo(whole.report());
  }

  @Test
  void keepsOneEntryPerGroupNotPerRecord() {
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(TVT, true, false, Duration.ZERO));
    LeakageAuditor bigger =
        new LeakageAuditor(SplitExpectations.plain(TVT, true, false, Duration.ZERO));
    for (int i = 0; i < 10; i++) {
      auditor.record(SplitFields.ofGroup("r" + i, "g" + (i % 5)), TO[0]);
    }
    for (int i = 0; i < 10_000; i++) {
      bigger.record(SplitFields.ofGroup("r" + i, "g" + (i % 5)), TO[0]);
    }
    int small = serializedSize(auditor);
    assertThat(serializedSize(bigger)).isLessThanOrEqualTo(small + 16);
  }

  private static int serializedSize(Object o) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(o);
      }
      return bytes.size();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
