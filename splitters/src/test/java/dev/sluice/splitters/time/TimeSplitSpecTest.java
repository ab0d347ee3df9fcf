package dev.sluice.splitters.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.UnplannedSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitSpecTest {

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void aDateOnlyCutOffMeansTheStartOfThatDayInUtcAndNoZoneMeansUtc() {
    var s =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .validationStart("2024-03-01")
                    .testStart("2024-03-10T06:00:00")
                    .build())
            .splitter();
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-02-29T23:59:59.999Z"))).channel().name())
        .isEqualTo("train");
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-03-01T00:00:00Z"))).channel().name())
        .isEqualTo("validation");
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-03-10T06:00:00Z"))).channel().name())
        .isEqualTo("test");
  }

  @Test
  void acceptsOffsetsAndNeedsNoPlanInCutOffMode() {
    TimeSplitSpec spec =
        (TimeSplitSpec)
            TimeSplitSpec.builder()
                .validationStart("2024-03-01T02:00:00+02:00")
                .testStart("2024-03-02T00:00:00Z")
                .build();
    assertThat(spec.needsPlanningPass()).isFalse();
    assertThat(
            spec.splitter()
                .assign(SplitFields.ofTime("a", ms("2024-03-01T00:00:00Z")))
                .channel()
                .name())
        .isEqualTo("validation");
  }

  @Test
  void excludesAndCountsRecordsInTheGapBeforeEachCutOff() {
    var s =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .validationStart("2024-03-01")
                    .testStart("2024-03-10")
                    .gap(Duration.ofHours(24))
                    .build())
            .splitter();
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-02-29T00:00:00Z"))))
        .isEqualTo(Assignment.EXCLUDED_BY_GAP);
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-02-28T23:59:59.999Z"))).channel().name())
        .isEqualTo("train");
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-03-09T12:00:00Z"))))
        .isEqualTo(Assignment.EXCLUDED_BY_GAP);
  }

  @Test
  void aRecordWithoutTimestampIsRejected() {
    var s =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .validationStart("2024-03-01")
                    .testStart("2024-03-10")
                    .build())
            .splitter();
    assertThat(s.assign(SplitFields.ofKey("a")).reason())
        .isEqualTo(Assignment.Reason.MISSING_TIMESTAMP);
  }

  @Test
  void fractionsModeIsAPlannedSpecAndCutOffModeIsNot() {
    assertThat(TimeSplitSpec.builder().build()).isInstanceOf(TimeFractionsSpec.class);
    assertThat(
            TimeSplitSpec.builder().validationStart("2024-03-01").testStart("2024-03-10").build())
        .isInstanceOf(TimeSplitSpec.class);
  }

  @Test
  void refusesAMissingCutOffNamingItsKey() {
    assertThatThrownBy(() -> TimeSplitSpec.builder().validationStart("2024-03-01").build())
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining(
            "split.time.test-start: is missing; in cut-off mode every channel after 'train' needs"
                + " a start");
  }

  @Test
  void refusesAValueThatIsNotADate() {
    assertThatThrownBy(
            () -> TimeSplitSpec.builder().validationStart("2024-13-01").testStart("soon").build())
        .hasMessageContaining(
            "split.time.validation-start: '2024-13-01' is not a date or date-time; use e.g."
                + " 2024-03-01")
        .hasMessageContaining("split.time.test-start: 'soon' is not a date or date-time");
  }

  @Test
  void refusesCutOffsOutOfOrder() {
    assertThatThrownBy(
            () ->
                TimeSplitSpec.builder()
                    .validationStart("2024-03-10")
                    .testStart("2024-03-01")
                    .build())
        .hasMessageContaining(
            "split.time.test-start: (2024-03-01T00:00:00Z) must be later than"
                + " split.time.validation-start (2024-03-10T00:00:00Z)");
  }

  @Test
  void refusesANegativeGap() {
    assertThatThrownBy(() -> TimeSplitSpec.builder().gap(Duration.ofHours(-1)).build())
        .hasMessageContaining("split.time.gap: is PT-1H; give a duration >= 0");
  }

  @Test
  void refusesAGapThatWouldEmptyAChannel() {
    assertThatThrownBy(
            () ->
                TimeSplitSpec.builder()
                    .validationStart("2024-03-01")
                    .testStart("2024-03-02")
                    .gap(Duration.ofDays(1))
                    .build())
        .hasMessageContaining(
            "split.time.gap: (PT24H) is not shorter than the time from split.time.validation-start"
                + " to split.time.test-start (PT24H), so channel 'validation' would be empty");
  }

  @Test
  void refusesAStartForAnUnknownChannelOrForTheFirstChannel() {
    assertThatThrownBy(
            () ->
                TimeSplitSpec.builder()
                    .validationStart("2024-03-01")
                    .testStart("2024-03-05")
                    .start("holdout", "2024-03-09")
                    .start("train", "2024-01-01")
                    .build())
        .hasMessageContaining(
            "split.time.holdout-start: names channel 'holdout', which is not in split.channels")
        .hasMessageContaining(
            "split.time.train-start: the first channel ('train') holds the oldest records and has"
                + " no start");
  }

  @Test
  void customChannelsUseTheirOwnStartKeysAndCutOffModeIgnoresFractions() {
    var s =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .channels(List.of("past", "recent"))
                    .start("recent", "2024-06-01")
                    .build())
            .splitter();
    assertThat(s.assign(SplitFields.ofTime("a", ms("2024-06-01T00:00:00Z"))).channel().name())
        .isEqualTo("recent");
  }
}
