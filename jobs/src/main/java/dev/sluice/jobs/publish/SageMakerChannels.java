package dev.sluice.jobs.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.fs.Path;

/**
 * The SageMaker side of a published run: one ManifestFile per channel, and the {@code
 * InputDataConfig} that names the channels for a training job, once with S3Prefix data sources and
 * once with the manifests.
 */
public final class SageMakerChannels {
  public static final String CONTENT_TYPE = "application/x-recordio-protobuf";

  private SageMakerChannels() {}

  /**
   * A ManifestFile: a JSON array whose first element is {@code {"prefix": ...}} and whose other
   * elements are the shard keys relative to that prefix.
   */
  public static ArrayNode manifest(Path channel, List<ChannelShards.Shard> shards) {
    ArrayNode manifest = JsonFiles.mapper().createArrayNode();
    manifest.addObject().put("prefix", OutputLayout.folderUri(channel));
    shards.forEach(shard -> manifest.add(shard.relativeKey()));
    return manifest;
  }

  /**
   * The InputDataConfig of a training job reading these channels. Every channel is ShardedByS3Key,
   * so each instance of a multi-instance job reads a different subset of shards (see {@code
   * sink.min-shards-per-channel}).
   *
   * @param dataSources channel name to S3Uri: the channel prefix, or its manifest
   * @param dataType {@code S3Prefix} or {@code ManifestFile}
   */
  public static ArrayNode inputDataConfig(Map<String, String> dataSources, String dataType) {
    return inputDataConfig(dataSources, dataType, CONTENT_TYPE, null);
  }

  /**
   * The same, for channels of {@code contentType} ({@code text/csv} for {@code sink.format csv}),
   * read in {@code inputMode} (Pipe, File or FastFile, as the target algorithm needs; null leaves
   * the training job's default).
   */
  public static ArrayNode inputDataConfig(
      Map<String, String> dataSources, String dataType, String contentType, String inputMode) {
    ArrayNode channels = JsonFiles.mapper().createArrayNode();
    dataSources.forEach(
        (channel, uri) -> {
          ObjectNode entry = channels.addObject();
          entry.put("ChannelName", channel);
          ObjectNode s3 = entry.putObject("DataSource").putObject("S3DataSource");
          s3.put("S3DataType", dataType);
          s3.put("S3Uri", uri);
          s3.put("S3DataDistributionType", "ShardedByS3Key");
          entry.put("ContentType", contentType);
          entry.put("CompressionType", "None");
          entry.put("RecordWrapperType", "None");
          if (inputMode != null) {
            entry.put("InputMode", inputMode);
          }
        });
    return channels;
  }
}
