package dev.sluice.connectors.sink;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

/**
 * Closes a shard when the next record would take it past {@code sink.max-shard-bytes}, or once it
 * holds {@code sink.max-shard-records} records, and at every checkpoint, so that a continuous run
 * publishes its shards each time it commits.
 *
 * <p>A shard only exceeds the byte limit when a single record is larger than the limit.
 *
 * <p>The policy counts a shard's bytes itself, exactly as its {@link ShardFormat} frames them,
 * instead of asking the part file for its size at every record: a local part file answers with a
 * system call, and {@link RecordIOShardWriter} buffers, so the file lags behind. The FileSink
 * writes a shard's first record without asking the policy; the writer sends that record to the part
 * file at once, so the part file's size when the policy first sees the shard is that record's.
 */
public final class ShardRollingPolicy extends CheckpointRollingPolicy<ChannelRecord, String> {
  private static final long serialVersionUID = 1L;

  private final long maxShardBytes;
  private final long maxShardRecords;
  private final ShardFormat format;

  /** What the open shard of each bucket holds; state of this writer subtask only. */
  private transient Map<String, ShardCount> counts;

  public ShardRollingPolicy(long maxShardBytes, long maxShardRecords) {
    this(maxShardBytes, maxShardRecords, ShardFormat.RECORDIO_PROTOBUF);
  }

  /** The same limits for shards in {@code format}, whose framing decides a record's bytes. */
  public ShardRollingPolicy(long maxShardBytes, long maxShardRecords, ShardFormat format) {
    this.format = format;
    if (maxShardBytes < 1 || maxShardRecords < 1) {
      throw new IllegalArgumentException("shard limits must be at least 1");
    }
    this.maxShardBytes = maxShardBytes;
    this.maxShardRecords = maxShardRecords;
  }

  @Override
  public boolean shouldRollOnEvent(PartFileInfo<String> shard, ChannelRecord record)
      throws IOException {
    ShardCount count = countFor(shard);
    long bytes = format.framedLength(record.payload, 0, record.length);
    boolean full =
        count.records >= maxShardRecords
            || (count.bytes > 0 && count.bytes + bytes > maxShardBytes);
    if (full) {
      // The record goes to a new shard; it is counted when that shard is first seen.
      count.shard = null;
    } else {
      count.records++;
      count.bytes += bytes;
    }
    return full;
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<String> shard, long currentTime) {
    return false;
  }

  /** A shard seen here for the first time holds the one record the FileSink wrote unasked. */
  private ShardCount countFor(PartFileInfo<String> shard) throws IOException {
    if (counts == null) {
      counts = new HashMap<>();
    }
    ShardCount count = counts.computeIfAbsent(shard.getBucketId(), id -> new ShardCount());
    if (count.shard != shard) {
      count.shard = shard;
      count.records = 1;
      count.bytes = shard.getSize();
    }
    return count;
  }

  private static final class ShardCount {
    PartFileInfo<String> shard;
    long records;
    long bytes;
  }
}
