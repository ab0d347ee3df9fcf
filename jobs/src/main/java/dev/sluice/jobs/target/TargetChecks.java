package dev.sluice.jobs.target;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.sink.ShardFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the configuration alone decides about a target, checked before any data moves: each problem
 * names the key to change and what would be right. What the data decides is left to {@link
 * LabelCheck} (per record) and {@link TargetVerdict} (per channel, after the run).
 */
public final class TargetChecks {
  private TargetChecks() {}

  /**
   * @param labels the {@code schema.label} columns (empty when unlabelled)
   * @param minShardsPerChannel {@code sink.min-shards-per-channel}
   */
  public static List<String> problems(
      TargetSettings target,
      FeatureType featureType,
      List<String> labels,
      ShardFormat format,
      int minShardsPerChannel) {
    List<String> problems = new ArrayList<>();
    AlgorithmTarget algorithm = target.algorithm();
    String name = "target.algorithm " + algorithm.configName();
    if (!algorithm.tensorTypes().contains(featureType)) {
      problems.add(
          "schema.feature-type: "
              + name
              + " reads "
              + algorithm.tensorTypes().stream()
                  .map(FeatureType::configName)
                  .collect(Collectors.joining(" or "))
              + " tensors only, not "
              + featureType.configName()
              + "; set schema.feature-type float32");
    }
    if (algorithm.label() == AlgorithmTarget.Label.REQUIRED && labels.isEmpty()) {
      problems.add("schema.label: " + name + " trains on labelled records; map the label column");
    }
    if (algorithm.label() == AlgorithmTarget.Label.ABSENT && !labels.isEmpty()) {
      problems.add(
          "schema.label: "
              + name
              + " is unsupervised and takes no label; remove schema.label (or map the column as"
              + " a feature)");
    }
    if (algorithm.scalarLabel() && labels.size() > 1) {
      problems.add(
          "schema.label: "
              + name
              + " trains on a scalar label, but "
              + labels.size()
              + " columns are mapped ("
              + String.join(",", labels)
              + "); map one");
    }
    if (format == ShardFormat.CSV && labels.size() > 1) {
      problems.add(
          "sink.format: csv holds one label column, but schema.label maps "
              + labels.size()
              + "; use sink.format recordio-protobuf for a vector label");
    }
    if (!algorithm.reads(format)) {
      problems.add(
          "sink.format: "
              + name
              + " trains on recordio-protobuf only; set sink.format recordio-protobuf");
    }
    target
        .predictor()
        .ifPresent(
            predictor -> {
              if (!algorithm.predictorTypes().contains(predictor)) {
                problems.add(
                    "target.predictor-type: "
                        + name
                        + (algorithm.predictorTypes().isEmpty()
                            ? " has no predictor type; remove target.predictor-type"
                            : " offers "
                                + algorithm.predictorTypes().stream()
                                    .map(PredictorType::configName)
                                    .collect(Collectors.joining(", "))
                                + ", not "
                                + predictor.configName()));
              }
            });
    if (target.instanceCount() > minShardsPerChannel) {
      problems.add(
          "sink.min-shards-per-channel: target.instance-count "
              + target.instanceCount()
              + " reads with ShardedByS3Key, which gives an instance no data when a channel has"
              + " fewer shards than instances; set sink.min-shards-per-channel to at least "
              + target.instanceCount());
    }
    return problems;
  }
}
