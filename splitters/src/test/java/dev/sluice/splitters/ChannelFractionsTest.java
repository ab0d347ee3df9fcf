package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelFractionsTest {
  private static final List<String> TVT = List.of("train", "validation", "test");

  @Test
  void mapsUnitValuesByCumulativeFractionsInChannelOrder() {
    ChannelFractions f = ChannelFractions.of(TVT, 0.8, 0.1, 0.1);
    assertThat(f.indexFor(0.0)).isZero();
    assertThat(f.indexFor(0.7999999)).isZero();
    assertThat(f.indexFor(0.8)).isEqualTo(1);
    assertThat(f.indexFor(0.8999999)).isEqualTo(1);
    assertThat(f.indexFor(0.9)).isEqualTo(2);
    assertThat(f.indexFor(1.0 - 0x1.0p-53)).isEqualTo(2);
  }

  @Test
  void aChannelWithFractionZeroNeverReceivesAndRoundingFallsToTheLastPositiveChannel() {
    ChannelFractions f = ChannelFractions.of(TVT, 0.5, 0.5, 0.0);
    assertThat(f.indexFor(0.0)).isZero();
    assertThat(f.indexFor(0.5)).isEqualTo(1);
    assertThat(f.indexFor(1.0 - 0x1.0p-53)).isEqualTo(1);
    ChannelFractions leadingZero = ChannelFractions.of(TVT, 0.0, 0.5, 0.5);
    assertThat(leadingZero.indexFor(0.0)).isEqualTo(1);
  }

  @Test
  void acceptsUserChannelsWithDigitsDashesAndUnderscores() {
    ChannelFractions f = ChannelFractions.of(List.of("train-a", "eval_2"), 0.3, 0.7);
    assertThat(f.channels()).extracting(Channel::name).containsExactly("train-a", "eval_2");
  }

  @Test
  void refusesAChannelNameThatCannotBeAnS3PrefixNamingTheKeyAndASuggestion() {
    assertThatThrownBy(() -> ChannelFractions.of(List.of("Train", "val/1"), 0.5, 0.5))
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining("split.channels: channel name 'Train' may contain only lowercase")
        .hasMessageContaining("e.g. 'train'")
        .hasMessageContaining("channel name 'val/1'")
        .hasMessageContaining("e.g. 'val-1'");
  }

  @Test
  void refusesAChannelNameThatWouldShareAPrefixWithTheRunsMetadata() {
    assertThatThrownBy(() -> ChannelFractions.of(List.of("train", "_rejected"), 0.5, 0.5))
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining(
            "split.channels: channel name '_rejected' may not start with '_': OUTPUT/_… prefixes"
                + " hold the run's metadata and rejected rows; e.g. 'rejected'");
  }

  @Test
  void aChannelCannotBeConstructedWithABadName() {
    assertThatThrownBy(() -> new Channel("TEST"))
        .isInstanceOf(SplitConfigException.class)
        .hasMessage(
            "invalid split configuration: split.channels: channel name 'TEST' may contain only"
                + " lowercase letters, digits, '-' and '_' because it becomes an S3 prefix; e.g."
                + " 'test'");
  }

  @Test
  void refusesDuplicateAndEmptyChannelNames() {
    assertThatThrownBy(() -> ChannelFractions.of(List.of("train", "train"), 0.5, 0.5))
        .hasMessageContaining("split.channels: channel 'train' is listed twice");
    assertThatThrownBy(() -> ChannelFractions.of(List.of("train", ""), 0.5, 0.5))
        .hasMessageContaining("split.channels: a channel name is empty");
    assertThatThrownBy(() -> ChannelFractions.of(List.of(), new double[0]))
        .hasMessageContaining("split.channels: no channels given");
  }

  @Test
  void refusesMoreThan64Channels() {
    List<String> many = java.util.stream.IntStream.range(0, 65).mapToObj(i -> "c" + i).toList();
    double[] f = new double[65];
    Arrays.fill(f, 1.0 / 65);
    assertThatThrownBy(() -> ChannelFractions.of(many, f))
        .hasMessageContaining("split.channels: 65 channels given; at most 64 allowed");
  }

  @Test
  void refusesFractionsThatDoNotSumToOneNamingTheValuesAndAFix() {
    assertThatThrownBy(() -> ChannelFractions.of(TVT, 0.8, 0.1, 0.2))
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining("split.fractions: fractions [0.8, 0.1, 0.2] sum to 1.1")
        .hasMessageContaining("must sum to 1 (within 1e-9)")
        .hasMessageContaining("e.g. [0.727273, 0.090909, 0.181818]");
  }

  @Test
  void acceptsASumWithinOneBillionth() {
    assertThat(ChannelFractions.of(TVT, 0.7, 0.2, 0.1 + 5e-10).size()).isEqualTo(3);
  }

  @Test
  void refusesNegativeAndNonFiniteFractionsNamingTheChannel() {
    assertThatThrownBy(() -> ChannelFractions.of(TVT, 1.2, -0.2, Double.NaN))
        .hasMessageContaining("fraction for channel 'validation' is -0.2")
        .hasMessageContaining("fraction for channel 'test' is NaN")
        .hasMessageContaining("must be a finite number >= 0");
  }

  @Test
  void refusesAFractionCountThatDoesNotMatchTheChannels() {
    assertThatThrownBy(() -> ChannelFractions.of(TVT, 0.5, 0.5))
        .hasMessageContaining(
            "split.fractions: has 2 values [0.5, 0.5] but there are 3 channels [train,"
                + " validation, test]; give exactly one fraction per channel");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    SplitConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SplitConfigException.class,
            () -> ChannelFractions.of(List.of("A", "b", "b"), 0.5, 0.5, 0.5));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).startsWith("invalid split configuration (2 problems):");
  }
}
