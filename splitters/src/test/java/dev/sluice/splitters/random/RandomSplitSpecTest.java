package dev.sluice.splitters.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.UnplannedSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomSplitSpecTest {

  @Test
  void defaultsToTrainValidationTestAtEightyTenTenWithSeedZero() {
    RandomSplitSpec spec = (RandomSplitSpec) RandomSplitSpec.builder().build();
    assertThat(spec.fractions().asMap())
        .containsExactly(
            java.util.Map.entry("train", 0.8),
            java.util.Map.entry("validation", 0.1),
            java.util.Map.entry("test", 0.1));
    assertThat(spec.seed()).isZero();
    assertThat(spec.needsPlanningPass()).isFalse();
  }

  @Test
  void reproducesTheReadmeWorkedExample() {
    var splitter = ((UnplannedSpec) RandomSplitSpec.builder().seed(42).build()).splitter();
    assertThat(splitter.assign(SplitFields.ofKey("rec-1")).channel().name()).isEqualTo("train");
    assertThat(splitter.assign(SplitFields.ofKey("rec-7")).channel().name())
        .isEqualTo("validation");
  }

  @Test
  void refusesBadChannelsAndFractionsTogether() {
    assertThatThrownBy(
            () ->
                RandomSplitSpec.builder()
                    .channels(List.of("train", "Holdout"))
                    .fractions(0.9, 0.2)
                    .build())
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining("split.channels: channel name 'Holdout'");
    assertThatThrownBy(() -> RandomSplitSpec.builder().fractions(0.9, 0.2, 0.1).build())
        .hasMessageContaining("split.fractions: fractions [0.9, 0.2, 0.1] sum to 1.2");
    assertThatThrownBy(() -> RandomSplitSpec.builder().fractions((List<Double>) null).build())
        .hasMessageContaining("split.fractions: no fractions given");
  }

  @Test
  void needsNoPlan() {
    RandomSplitSpec spec = (RandomSplitSpec) RandomSplitSpec.builder().build();
    assertThat(spec).isInstanceOf(UnplannedSpec.class).isNotInstanceOf(PlannedSpec.class);
  }
}
