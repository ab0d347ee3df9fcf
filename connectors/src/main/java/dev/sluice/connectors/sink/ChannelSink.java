package dev.sluice.connectors.sink;

import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.writer.FileWriterBucketState;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPostCommitTopology;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreWriteTopology;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes records to channel folders of RecordIO shards under a root, exactly once, in bounded and
 * continuous jobs alike:
 *
 * <pre>{@code
 * ChannelSink sink = ChannelSink.forPath("s3://bucket/run-42")
 *     .withFormat(ShardFormat.RECORDIO_PROTOBUF)
 *     .withShuffle(ChannelShuffle.sorted())
 *     .withMaxShardBytes(256L << 20)
 *     .withShardsPerChannel(4)
 *     .withPostCommit(committed -> ...)   // e.g. a publishing step
 *     .build();
 * }</pre>
 *
 * <p>The sink owns where a record goes once its channel is chosen ({@link ChannelRecord#bucket} is
 * the channel): the channel's folder, or one of its {@code shard-NNN} folders when a channel is
 * spread over several shards; when a shard is closed ({@link ShardRollingPolicy}); how shards are
 * named ({@link ShardNaming}); how they are encoded ({@link ShardFormat}); and in which order a
 * channel's records are written ({@link ChannelShuffle}). Writing and committing are Flink's file
 * sink's, so shards appear exactly once, at the end of a bounded job or at each checkpoint of a
 * continuous one.
 *
 * <p>A step upstream may send an {@linkplain ChannelRecord#attachment attachment} among its
 * records, and a {@linkplain #withPostCommit post-commit step} receives every committed shard and
 * attachment, checkpoint by checkpoint, after they are committed: the figures of the records in a
 * checkpoint's shards arrive with those shards.
 */
@PublicEvolving
public final class ChannelSink
    implements Sink<ChannelRecord>,
        SupportsWriterState<ChannelRecord, FileWriterBucketState>,
        SupportsCommitter<ChannelCommittable>,
        SupportsPostCommitTopology<ChannelCommittable>,
        SupportsPreWriteTopology<ChannelRecord> {
  private static final long serialVersionUID = 1L;

  private final FileSink<ChannelRecord> files;
  private final int shardsPerChannel;
  private final PostCommit postCommit;
  private final ShardFormat format;
  private final ChannelShuffle shuffle;

  private ChannelSink(Builder builder) {
    this.files =
        FileSink.forBulkFormat(builder.root, builder.format.writerFactory())
            .withBucketAssigner(new ChannelBucketAssigner())
            .withRollingPolicy(
                new ShardRollingPolicy(
                    builder.maxShardBytes, builder.maxShardRecords, builder.format))
            .withOutputFileConfig(ShardNaming.outputFileConfig(builder.format))
            .build();
    this.format = builder.format;
    this.shuffle = builder.shuffle;
    this.shardsPerChannel = builder.shardsPerChannel;
    this.postCommit = builder.postCommit;
  }

  /**
   * A sink writing channels under {@code root} (a local path, {@code file://} or {@code s3://}).
   */
  public static Builder forPath(String root) {
    return new Builder(new Path(root));
  }

  /** A sink writing channels under {@code root}. */
  public static Builder forPath(Path root) {
    return new Builder(root);
  }

  @Override
  public SinkWriter<ChannelRecord> createWriter(WriterInitContext context) throws IOException {
    return new ChannelSinkWriter(files.createWriter(context), shardsPerChannel);
  }

  @Override
  public ChannelSinkWriter restoreWriter(
      WriterInitContext context, Collection<FileWriterBucketState> recoveredState)
      throws IOException {
    return new ChannelSinkWriter(files.restoreWriter(context, recoveredState), shardsPerChannel);
  }

  @Override
  public SimpleVersionedSerializer<FileWriterBucketState> getWriterStateSerializer() {
    return files.getWriterStateSerializer();
  }

  @Override
  public Committer<ChannelCommittable> createCommitter(CommitterInitContext context)
      throws IOException {
    return new ChannelCommitter(files.createCommitter(context));
  }

  @Override
  public SimpleVersionedSerializer<ChannelCommittable> getCommittableSerializer() {
    return new ChannelCommittableSerializer(files.getCommittableSerializer());
  }

  /**
   * Flink calls this when it builds the job graph, with the committer's output. The hook is how a
   * job finishes itself inside the job graph (as Iceberg's and Paimon's committers make a snapshot
   * visible): a parallelism-1 step there sees every committed shard, and nothing else can run
   * before the shards it lists are committed.
   */
  @Override
  public void addPostCommitTopology(DataStream<CommittableMessage<ChannelCommittable>> committed) {
    if (postCommit != null) {
      postCommit.addTo(committed);
    }
  }

  /**
   * Flink calls this when it builds the job graph, with the records on their way to the writers:
   * the shuffle goes here ({@link ChannelShuffle}), so the writers, which spread each channel over
   * its shard folders, see the records in their shuffled order.
   */
  @Override
  public DataStream<ChannelRecord> addPreWriteTopology(DataStream<ChannelRecord> records) {
    return shuffle.addTo(records);
  }

  /** The format the shards are written in; its encoder makes the records' payloads. */
  public ShardFormat format() {
    return format;
  }

  /** What runs after the commit, on the committed shards and attachments. */
  @FunctionalInterface
  public interface PostCommit extends Serializable {
    /**
     * Adds steps to the job that consume {@code committed}: for each checkpoint (or the end of a
     * bounded input), a {@code CommittableSummary} per committer subtask, then its {@link
     * ChannelCommittable}s, each already committed.
     */
    void addTo(DataStream<CommittableMessage<ChannelCommittable>> committed);
  }

  /** Builds a {@link ChannelSink}; every setting but the root has a default. */
  @PublicEvolving
  public static final class Builder {
    private final Path root;
    private long maxShardBytes = 256L << 20;
    private long maxShardRecords = Long.MAX_VALUE;
    private int shardsPerChannel = 1;
    private PostCommit postCommit;
    private ShardFormat format = ShardFormat.RECORDIO_PROTOBUF;
    private ChannelShuffle shuffle = ChannelShuffle.none();

    private Builder(Path root) {
      this.root = root;
    }

    /** A shard is closed before the next record would take it past this many bytes. */
    public Builder withMaxShardBytes(long bytes) {
      this.maxShardBytes = bytes;
      return this;
    }

    /** A shard is closed once it holds this many records. */
    public Builder withMaxShardRecords(long records) {
      this.maxShardRecords = records;
      return this;
    }

    /**
     * Spreads every channel over this many {@code shard-NNN} folders (round robin per writer), so a
     * channel with enough records has at least this many shards; 1 writes shards straight under the
     * channel folder.
     */
    public Builder withShardsPerChannel(int shards) {
      this.shardsPerChannel = shards;
      return this;
    }

    /**
     * The shard format: RecordIO-protobuf (the default) or SageMaker's text/csv. The records'
     * payloads must be in it ({@link ShardFormat#newEncoder()}).
     */
    public Builder withFormat(ShardFormat format) {
      this.format = java.util.Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * How records are ordered within each channel before they are written: {@link
     * ChannelShuffle#none()} (the default), {@link ChannelShuffle#sorted()} for a bounded job,
     * {@link ChannelShuffle#buffered(int)} for a continuous one. The records' {@link
     * ChannelRecord#order} is their place.
     */
    public Builder withShuffle(ChannelShuffle shuffle) {
      this.shuffle = java.util.Objects.requireNonNull(shuffle, "shuffle");
      return this;
    }

    /** A step that runs on every committed shard and attachment (see {@link PostCommit}). */
    public Builder withPostCommit(PostCommit postCommit) {
      this.postCommit = postCommit;
      return this;
    }

    public ChannelSink build() {
      if (maxShardBytes < 1) {
        throw new IllegalArgumentException(
            "ChannelSink: max shard bytes must be at least 1, not " + maxShardBytes);
      }
      if (maxShardRecords < 1) {
        throw new IllegalArgumentException(
            "ChannelSink: max shard records must be at least 1, not " + maxShardRecords);
      }
      if (shardsPerChannel < 1 || shardsPerChannel > 999) {
        throw new IllegalArgumentException(
            "ChannelSink: shards per channel must be from 1 to 999, not " + shardsPerChannel);
      }
      return new ChannelSink(this);
    }
  }
}
