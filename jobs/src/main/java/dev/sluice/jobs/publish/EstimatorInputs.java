package dev.sluice.jobs.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connectors.sink.ChannelStatistics;
import dev.sluice.connectors.sink.ShardFormat;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.target.TargetSettings;
import dev.sluice.splitters.Channel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The report's {@code estimator} section: what a user passes to {@code estimator.fit(...)} without
 * opening a shard. Per channel the figures of its {@link ChannelStatistics} (records, feature
 * dimension or sparse shape, the label's type and value counts or range), its content type, and a
 * {@code record_set} shaped like the SageMaker SDK's {@code RecordSet} (s3_data, num_records,
 * feature_dim, s3_data_type, channel); then the hyperparameters the channels decide ({@code
 * feature_dim}, and the configured {@code predictor_type}).
 *
 * @param contentType the channels' ContentType for manifests and InputDataConfig
 * @param inputMode the InputMode the target algorithm reads the channels in
 */
public record EstimatorInputs(
    List<String> channels, TargetSettings target, String contentType, String inputMode)
    implements Serializable {

  /** RecordIO-protobuf channels for no algorithm in particular. */
  public static EstimatorInputs generic(List<String> channels) {
    return new EstimatorInputs(
        List.copyOf(channels),
        TargetSettings.generic(),
        ShardFormat.RECORDIO_PROTOBUF.contentType(true),
        TargetSettings.generic().algorithm().inputMode(ShardFormat.RECORDIO_PROTOBUF));
  }

  public static EstimatorInputs of(JobConfig config) {
    ShardFormat format = config.sink().format();
    boolean labelled = !config.schema().labels().isEmpty();
    return new EstimatorInputs(
        config.split().channels().stream().map(Channel::name).toList(),
        config.target(),
        format.contentType(labelled),
        config.target().algorithm().inputMode(format));
  }

  /** The section, from each channel's merged statistics (a channel without any has none). */
  public ObjectNode describe(OutputLayout layout, Map<String, ChannelStatistics> statistics) {
    ObjectNode section = JsonFiles.mapper().createObjectNode();
    section.put("algorithm", target.algorithm().configName());
    target.predictor().ifPresent(p -> section.put("predictor_type", p.configName()));
    section.put("instance_count", target.instanceCount());
    section.put("input_mode", inputMode);
    section.put("content_type", contentType);
    ObjectNode perChannel = section.putObject("channels");
    Long featureDim = null;
    boolean oneFeatureDim = true;
    for (String channel : channels) {
      ChannelStatistics figures = statistics.getOrDefault(channel, new ChannelStatistics());
      ObjectNode node = perChannel.putObject(channel);
      node.setAll((ObjectNode) JsonFiles.mapper().valueToTree(figures.describe()));
      node.put("content_type", contentType);
      ObjectNode recordSet = node.putObject("record_set");
      recordSet.put("s3_data", layout.manifest(channel).toUri().toString());
      recordSet.put("num_records", figures.records());
      recordSet.put("feature_dim", figures.featureDim());
      recordSet.put("s3_data_type", "ManifestFile");
      recordSet.put("channel", channel);
      if (figures.records() > 0) {
        if (!figures.singleDimension()
            || (featureDim != null && featureDim != figures.featureDim())) {
          oneFeatureDim = false;
        }
        featureDim = figures.featureDim();
      }
    }
    ObjectNode hyperparameters = section.putObject("hyperparameters");
    if (featureDim != null && oneFeatureDim) {
      hyperparameters.put("feature_dim", featureDim);
    }
    target.predictor().ifPresent(p -> hyperparameters.put("predictor_type", p.configName()));
    return section;
  }
}
