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
 */
public final class ShardRollingPolicy extends CheckpointRollingPolicy<ChannelRecord, String> {
  private static final long serialVersionUID = 1L;

  private final long maxShardBytes;
  private final long maxShardRecords;

  /** Records written to the open shard of each bucket; state of this writer subtask only. */
  private transient Map<String, ShardCount> counts;

  public ShardRollingPolicy(long maxShardBytes, long maxShardRecords) {
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
    long size = shard.getSize();
    boolean full =
        count.records >= maxShardRecords
            || (size > 0 && size + framedSize(record.length) > maxShardBytes);
    if (full) {
      // The record goes to a new shard; it is counted when that shard is first seen.
      count.shard = null;
    } else {
      count.records++;
    }
    return full;
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<String> shard, long currentTime) {
    return false;
  }

  /**
   * The FileSink writes a shard's first record without asking the policy, so a shard seen here for
   * the first time already holds one record.
   */
  private ShardCount countFor(PartFileInfo<String> shard) {
    if (counts == null) {
      counts = new HashMap<>();
    }
    ShardCount count = counts.computeIfAbsent(shard.getBucketId(), id -> new ShardCount());
    if (count.shard != shard) {
      count.shard = shard;
      count.records = 1;
    }
    return count;
  }

  /** A RecordIO chunk: 8 header bytes and the payload padded to a multiple of 4. */
  static long framedSize(int payloadLength) {
    return 8L + ((payloadLength + 3L) & ~3L);
  }

  private static final class ShardCount {
    PartFileInfo<String> shard;
    long records;
  }
}
