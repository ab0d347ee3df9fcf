package dev.sluice.jobs.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.connectors.sink.ShardFormat;
import dev.sluice.jobs.config.ConfigException;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a target's documentation requires and the configuration alone decides: refused before any
 * data moves (exit 2), each refusal naming the key to change.
 */
class AlgorithmTargetConfigTest {

  private static Map<String, String> labelled(String algorithm) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", "s3://raw/in/");
    values.put("source.format", "csv");
    values.put("sink.path", "s3://train-data/out");
    values.put("schema.label", "label");
    values.put("target.algorithm", algorithm);
    return values;
  }

  private static List<String> problems(Map<String, String> values) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> JobConfig.from(RawConfig.of(values, "job.yaml")));
    assertThat(e).as("a configuration error").isNotNull();
    assertThat(ConfigException.EXIT_CODE).isEqualTo(2);
    return e.problems();
  }

  @Test
  void linearLearnerRefusesTensorsOtherThanFloat32() {
    Map<String, String> values = labelled("linear-learner");
    values.put("schema.feature-type", "float64");

    assertThat(problems(values))
        .containsExactly(
            "schema.feature-type: target.algorithm linear-learner reads float32 tensors only,"
                + " not float64; set schema.feature-type float32");
  }

  @Test
  void factorizationMachinesRefusesInt32Tensors() {
    Map<String, String> values = labelled("factorization-machines");
    values.put("schema.feature-type", "int32");

    assertThat(problems(values)).singleElement().asString().startsWith("schema.feature-type:");
  }

  @Test
  void aSupervisedAlgorithmRefusesUnlabelledRecords() {
    Map<String, String> values = labelled("xgboost");
    values.remove("schema.label");

    assertThat(problems(values))
        .containsExactly(
            "schema.label: target.algorithm xgboost trains on labelled records; map the label"
                + " column");
  }

  @Test
  void anUnsupervisedAlgorithmRefusesALabel() {
    assertThat(problems(labelled("kmeans")))
        .singleElement()
        .asString()
        .startsWith("schema.label: target.algorithm kmeans is unsupervised and takes no label");
  }

  @Test
  void aSupervisedAlgorithmRefusesAVectorLabel() {
    Map<String, String> values = labelled("knn");
    values.put("schema.label", "a,b");

    assertThat(problems(values))
        .containsExactly(
            "schema.label: target.algorithm knn trains on a scalar label, but 2 columns are"
                + " mapped (a,b); map one");
  }

  @Test
  void aPredictorTypeTheAlgorithmDoesNotOfferIsRefused() {
    Map<String, String> values = labelled("factorization-machines");
    values.put("target.predictor-type", "multiclass_classifier");

    assertThat(problems(values))
        .containsExactly(
            "target.predictor-type: target.algorithm factorization-machines offers"
                + " binary_classifier, regressor, not multiclass_classifier");
  }

  @Test
  void factorizationMachinesRefusesCsvChannels() {
    Map<String, String> values = labelled("factorization-machines");
    values.put("sink.format", "csv");

    assertThat(problems(values))
        .containsExactly(
            "sink.format: target.algorithm factorization-machines trains on recordio-protobuf"
                + " only; set sink.format recordio-protobuf");
  }

  @Test
  void csvRefusesAVectorLabel() {
    Map<String, String> values = labelled("generic");
    values.put("schema.label", "a,b");
    values.put("sink.format", "csv");

    assertThat(problems(values))
        .singleElement()
        .asString()
        .startsWith("sink.format: csv holds one");
  }

  @Test
  void moreInstancesThanShardsPerChannelAreRefused() {
    Map<String, String> values = labelled("linear-learner");
    values.put("target.instance-count", "4");
    values.put("sink.min-shards-per-channel", "2");

    assertThat(problems(values))
        .containsExactly(
            "sink.min-shards-per-channel: target.instance-count 4 reads with ShardedByS3Key,"
                + " which gives an instance no data when a channel has fewer shards than"
                + " instances; set sink.min-shards-per-channel to at least 4");
  }

  @Test
  void aFittingConfigurationBindsTheTargetAndTheShuffleDefaults() {
    Map<String, String> values = labelled("linear-learner");
    values.put("target.predictor-type", "binary_classifier");
    values.put("target.instance-count", "2");
    values.put("sink.min-shards-per-channel", "2");

    JobConfig config = JobConfig.from(RawConfig.of(values, "job.yaml"));

    assertThat(config.target().algorithm()).isEqualTo(AlgorithmTarget.LINEAR_LEARNER);
    assertThat(config.target().predictorType()).isEqualTo(PredictorType.BINARY_CLASSIFIER);
    assertThat(config.sink().shuffle()).as("on by default for a bounded run").isTrue();
    assertThat(config.sink().format()).isEqualTo(ShardFormat.RECORDIO_PROTOBUF);
  }

  @Test
  void aContinuousRunShufflesOnlyWhenAsked() {
    Map<String, String> values = labelled("generic");
    values.put("source.monitor-interval", "30s");

    assertThat(JobConfig.from(RawConfig.of(values, "job.yaml")).sink().shuffle()).isFalse();
  }

  @Test
  void eachTargetPicksTheInputModeItsAlgorithmReads() {
    assertThat(AlgorithmTarget.LINEAR_LEARNER.inputMode(ShardFormat.RECORDIO_PROTOBUF))
        .isEqualTo("Pipe");
    assertThat(AlgorithmTarget.XGBOOST.inputMode(ShardFormat.RECORDIO_PROTOBUF))
        .as("the XGBoost container no longer reads RecordIO-protobuf in Pipe mode")
        .isEqualTo("FastFile");
    assertThat(AlgorithmTarget.KMEANS.inputMode(ShardFormat.CSV)).isEqualTo("File");
    assertThat(AlgorithmTarget.GENERIC.inputMode(ShardFormat.RECORDIO_PROTOBUF)).isEqualTo("File");
  }
}
