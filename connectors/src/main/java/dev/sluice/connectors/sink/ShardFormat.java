package dev.sluice.connectors.sink;

import dev.sluice.connectors.recordio.RecordIOWriter;
import java.util.Locale;
import org.apache.flink.api.common.serialization.BulkWriter;

/**
 * What a shard holds ({@code sink.format}): RecordIO-protobuf, the format every built-in algorithm
 * streams in Pipe mode, or SageMaker's {@code text/csv} (label first, no header, one row per
 * record). Both go through the same channels, shard folders and rolling; only the encoding, the
 * framing, the shard suffix and the content type differ.
 */
public enum ShardFormat {
  RECORDIO_PROTOBUF("recordio-protobuf", "application/x-recordio-protobuf", ".rec"),
  CSV("csv", "text/csv", ".csv");

  private final String configName;
  private final String contentType;
  private final String suffix;

  ShardFormat(String configName, String contentType, String suffix) {
    this.configName = configName;
    this.contentType = contentType;
    this.suffix = suffix;
  }

  /** The value of {@code sink.format}. */
  public String configName() {
    return configName;
  }

  /** The format named by a {@code sink.format} value. */
  public static ShardFormat fromConfigName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (ShardFormat format : values()) {
      if (format.configName.equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "sink.format is '" + name + "'; expected recordio-protobuf or csv");
  }

  /**
   * The ContentType of a channel in this format, for its manifest and InputDataConfig. Unlabelled
   * CSV says {@code label_size=0}, or the algorithm would take the first feature for the label.
   */
  public String contentType(boolean labelled) {
    return this == CSV && !labelled ? contentType + ";label_size=0" : contentType;
  }

  /** The ending of a committed shard's name. */
  public String suffix() {
    return suffix;
  }

  /** A fresh encoder of records into this format's payloads; one per subtask. */
  public ShardEncoder newEncoder() {
    return this == CSV ? new CsvShardEncoder() : new ProtobufShardEncoder();
  }

  /** Opens a writer per shard, as the FileSink's bulk format asks. */
  public BulkWriter.Factory<ChannelRecord> writerFactory() {
    return this == CSV ? CsvShardWriter.factory() : RecordIOShardWriter.factory();
  }

  /** How many bytes a payload of {@code length} bytes takes in a shard, framing included. */
  public long framedLength(byte[] payload, int offset, int length) {
    return this == CSV ? length : RecordIOWriter.framedLength(payload, offset, length);
  }
}
