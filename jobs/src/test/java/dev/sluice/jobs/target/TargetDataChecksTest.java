package dev.sluice.jobs.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.sink.ChannelStatistics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the data decides: labels rejected per record, channels that fail the run. */
class TargetDataChecksTest {

  @Test
  void aBinaryClassifierRejectsLabelsOtherThanZeroAndOne() {
    LabelCheck check =
        LabelCheck.of(
            new TargetSettings(AlgorithmTarget.LINEAR_LEARNER, PredictorType.BINARY_CLASSIFIER, 1));

    assertThat(check.rejectReason(new double[] {1})).isNull();
    assertThat(check.rejectReason(new double[] {0})).isNull();
    assertThat(check.rejectReason(new double[] {2})).isEqualTo("label_not_binary");
    assertThat(check.rejectReason(new double[] {0.5})).isEqualTo("label_not_binary");
    assertThat(check.expected("label_not_binary")).isEqualTo("a binary_classifier label: 0 or 1");
  }

  @Test
  void aMulticlassClassifierRejectsLabelsThatAreNotClassIndices() {
    LabelCheck check =
        LabelCheck.of(
            new TargetSettings(AlgorithmTarget.KNN, PredictorType.MULTICLASS_CLASSIFIER, 1));

    assertThat(check.rejectReason(new double[] {7})).isNull();
    assertThat(check.rejectReason(new double[] {-1})).isEqualTo("label_not_class_index");
    assertThat(check.rejectReason(new double[] {1.5})).isEqualTo("label_not_class_index");
  }

  @Test
  void aSupervisedAlgorithmRejectsALabelOfMoreThanOneValue() {
    LabelCheck check = LabelCheck.of(new TargetSettings(AlgorithmTarget.XGBOOST, null, 1));

    assertThat(check.rejectReason(new double[] {1, 2})).isEqualTo("label_not_scalar");
    assertThat(check.rejectReason(new double[] {3})).isNull();
  }

  @Test
  void theGenericTargetRejectsNothing() {
    assertThat(LabelCheck.of(TargetSettings.generic())).isSameAs(LabelCheck.NONE);
    assertThat(LabelCheck.NONE.rejectReason(new double[] {1, 2, 3})).isNull();
  }

  @Test
  void aDenseChannelOfMixedFeatureDimensionsFailsEveryTarget() {
    ChannelStatistics mixed = new ChannelStatistics();
    mixed.add(record(3));
    mixed.add(record(4));

    String expected =
        "channel train mixes feature dimensions 3 to 4: objects whose first rows differ in length"
            + " share it; set schema.feature-dimension to the right number, and rows of another"
            + " are rejected as wrong_dimension";
    assertThat(TargetVerdict.failures(TargetSettings.generic(), Map.of("train", mixed), Map.of()))
        .containsExactly(expected);
    assertThat(
            TargetVerdict.failures(
                new TargetSettings(AlgorithmTarget.PCA, null, 1), Map.of("train", mixed), Map.of()))
        .containsExactly(expected);
  }

  @Test
  void aSparseChannelOfMixedDimensionsFailsOnlyATargetThatTakesOneFeatureDim() {
    ChannelStatistics mixed = new ChannelStatistics();
    mixed.add(sparse(10));
    mixed.add(sparse(12));

    assertThat(
            TargetVerdict.failures(
                new TargetSettings(AlgorithmTarget.PCA, null, 1), Map.of("train", mixed), Map.of()))
        .containsExactly(
            "channel train mixes feature dimensions 10 to 12, but target.algorithm pca takes one"
                + " feature_dim");
    assertThat(TargetVerdict.failures(TargetSettings.generic(), Map.of("train", mixed), Map.of()))
        .isEmpty();
  }

  @Test
  void aChannelWithFewerShardsThanInstancesFailsTheRun() {
    TargetSettings target = new TargetSettings(AlgorithmTarget.LINEAR_LEARNER, null, 3);

    assertThat(TargetVerdict.failures(target, Map.of(), Map.of("train", 3, "test", 2)))
        .containsExactly(
            "channel test has 2 shards, fewer than target.instance-count 3 (ShardedByS3Key would"
                + " leave instances without data)");
  }

  private static ParsedRecord record(int dimension) {
    ParsedRecord record = new ParsedRecord();
    record.featureType = FeatureType.FLOAT32;
    record.features = new double[dimension];
    record.dimension = dimension;
    return record;
  }

  private static ParsedRecord sparse(int dimension) {
    ParsedRecord record = new ParsedRecord();
    record.featureType = FeatureType.FLOAT32;
    record.sparseKeys = new long[] {0};
    record.sparseValues = new double[] {1};
    record.dimension = dimension;
    return record;
  }
}
