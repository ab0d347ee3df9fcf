package dev.sluice.splitters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelChecksTest {
  private static final ChannelFractions DEFAULT =
      ChannelFractions.of(java.util.List.of("train", "validation", "test"), 0.8, 0.1, 0.1);

  /** An audit of a plain split whose channels received {@code counts} records. */
  private static AuditReport audit(long... counts) {
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(DEFAULT, false, false, Duration.ZERO));
    Assignment[] table = Assignment.table(DEFAULT, false);
    int key = 0;
    for (int c = 0; c < counts.length; c++) {
      for (long i = 0; i < counts[c]; i++) {
        auditor.record(SplitFields.ofKey("k" + key++), table[c]);
      }
    }
    return auditor.report();
  }

  private static ChannelChecks random(boolean allowEmpty) {
    SplitSpec spec = RandomSplitSpec.builder().build();
    return ChannelChecks.of(spec, allowEmpty);
  }

  @Test
  void aChannelWithARequestedFractionThatEndedEmptyFailsTheRunNamingTheKeyThatAllowsIt() {
    assertThat(random(false).failures(audit(900, 100, 0), 1000))
        .singleElement()
        .asString()
        .startsWith("channel test is empty although its requested fraction is 0.1")
        .contains("split.allow-empty-channels true");
  }

  @Test
  void allowEmptyChannelsLetsItThrough() {
    assertThat(random(true).failures(audit(900, 100, 0), 1000)).isEmpty();
  }

  @Test
  void aChannelWithFractionZeroMayBeEmpty() {
    ChannelFractions f = ChannelFractions.of(java.util.List.of("train", "test"), 1.0, 0.0);
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(f, false, false, Duration.ZERO));
    auditor.record(SplitFields.ofKey("a"), Assignment.table(f, false)[0]);
    SplitSpec spec =
        RandomSplitSpec.builder()
            .channels(java.util.List.of("train", "test"))
            .fractions(1.0, 0.0)
            .build();
    assertThat(ChannelChecks.of(spec, false).failures(auditor.report(), 1)).isEmpty();
  }

  @Test
  void anEmptyInputIsAnErrorEvenWhenEmptyChannelsAreAllowed() {
    assertThat(random(true).failures(audit(0, 0, 0), 0))
        .singleElement()
        .asString()
        .startsWith("the input holds no rows");
  }

  @Test
  void aHashedShareBeyondFiveStandardDeviationsIsAWarningAndOneWithinIsNot() {
    // 10,000 records at 0.1: sigma = 0.003, five sigmas = 0.015.
    assertThat(random(false).warnings(audit(8000, 1000, 1000))).isEmpty();
    assertThat(random(false).warnings(audit(8000, 1300, 700)))
        .hasSize(2)
        .first()
        .asString()
        .startsWith("channel validation received 0.1300 of the records against 0.1 requested")
        .contains("five binomial standard deviations over 10000 records");
  }

  @Test
  void groupsAreTheUnitOfTheBoundWhenWholeGroupsAreHashed() {
    SplitSpec spec = GroupSplitSpec.builder().build();
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(DEFAULT, true, false, Duration.ZERO));
    Assignment[] table = Assignment.table(DEFAULT, false);
    // 10 groups of 100 records: 7/2/1 groups is well within five sigmas of 10 groups.
    for (int g = 0; g < 10; g++) {
      for (int i = 0; i < 100; i++) {
        auditor.record(
            SplitFields.ofGroup("r" + g + "-" + i, "g" + g), table[g < 7 ? 0 : g < 9 ? 1 : 2]);
      }
    }
    assertThat(ChannelChecks.of(spec, false).warnings(auditor.report())).isEmpty();
  }

  @Test
  void aDomainChannelIsExpectedWhenThePresentDomainsRouteGivesItAFraction() {
    SplitSpec spec = DomainSplitSpec.builder().preset("clean-train-noisy-eval").build();
    var splitter = ((dev.sluice.splitters.UnplannedSpec) spec).splitter();
    LeakageAuditor auditor = new LeakageAuditor(splitter.expectations());
    for (int i = 0; i < 50; i++) {
      SplitFields f = SplitFields.ofDomain("c" + i, "clean", null);
      auditor.record(f, splitter.assign(f));
    }
    // Only clean data: validation and test are empty, and no present domain asked for them.
    assertThat(ChannelChecks.of(spec, false).failures(auditor.report(), 50)).isEmpty();
    SplitFields noisy = SplitFields.ofDomain("n1", "noisy", null);
    auditor.record(noisy, splitter.assign(noisy));
    assertThat(ChannelChecks.of(spec, false).failures(auditor.report(), 51))
        .singleElement()
        .asString()
        .contains("the route of domain 'noisy' gives it 0.5");
  }

  @Test
  void aClassWithFewerRecordsThanChannelsIsReported() {
    LeakageAuditor auditor =
        new LeakageAuditor(SplitExpectations.plain(DEFAULT, false, false, Duration.ZERO));
    Assignment[] table = Assignment.table(DEFAULT, false);
    auditor.record(SplitFields.ofKey("a").withStratum("rare"), table[0]);
    for (int i = 0; i < 100; i++) {
      auditor.record(
          SplitFields.ofKey("b" + i).withStratum("common"),
          table[i % 10 < 8 ? 0 : i % 10 == 8 ? 1 : 2]);
    }
    assertThat(random(false).warnings(auditor.report()))
        .singleElement()
        .asString()
        .startsWith("split.stratify-by: class 'rare' has 1 record(s), fewer than the 3 channels");
  }
}
