package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.recordio.RecordIOWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.junit.jupiter.api.Test;

/** Drives the policy the way Flink's bucket writer does, and looks at the shards it produces. */
class ShardRollingPolicyTest {

  /** A shard as the bucket writer sees it: a bucket, a size and the records written. */
  private static final class Shard implements PartFileInfo<String> {
    final String bucket;
    long size;
    int records;
    int sizeAsked;

    Shard(String bucket) {
      this.bucket = bucket;
    }

    @Override
    public String getBucketId() {
      return bucket;
    }

    @Override
    public long getCreationTime() {
      return 0;
    }

    @Override
    public long getSize() {
      sizeAsked++;
      return size;
    }

    @Override
    public long getLastUpdateTime() {
      return 0;
    }
  }

  /** Mirrors Bucket.write: a first record opens a shard without asking the policy. */
  private static List<Shard> write(ShardRollingPolicy policy, String bucket, int... payloads)
      throws Exception {
    List<Shard> shards = new ArrayList<>();
    Shard open = null;
    for (int length : payloads) {
      ChannelRecord record = new ChannelRecord(bucket, new byte[length], length);
      if (open == null || policy.shouldRollOnEvent(open, record)) {
        open = new Shard(bucket);
        shards.add(open);
      }
      open.size += RecordIOWriter.framedLength(record.payload, 0, length);
      open.records++;
    }
    return shards;
  }

  @Test
  void closesAShardOnceItHoldsTheRecordLimit() throws Exception {
    ShardRollingPolicy policy = new ShardRollingPolicy(Long.MAX_VALUE, 2);

    List<Shard> shards = write(policy, "train", 4, 4, 4, 4, 4);

    assertThat(shards).extracting(s -> s.records).containsExactly(2, 2, 1);
  }

  @Test
  void neverLetsAShardGrowPastTheByteLimit() throws Exception {
    // Each 24-byte payload is a 32-byte chunk; 100 bytes hold three of them.
    ShardRollingPolicy policy = new ShardRollingPolicy(100, Long.MAX_VALUE);

    List<Shard> shards = write(policy, "train", 24, 24, 24, 24, 24, 24, 24);

    assertThat(shards).extracting(s -> s.records).containsExactly(3, 3, 1);
    assertThat(shards).allSatisfy(s -> assertThat(s.size).isLessThanOrEqualTo(100));
  }

  @Test
  void aRecordLargerThanTheLimitGetsAShardOfItsOwn() throws Exception {
    ShardRollingPolicy policy = new ShardRollingPolicy(64, Long.MAX_VALUE);

    List<Shard> shards = write(policy, "train", 8, 200, 8);

    assertThat(shards).extracting(s -> s.records).containsExactly(1, 1, 1);
  }

  @Test
  void countsEachBucketSeparately() throws Exception {
    ShardRollingPolicy policy = new ShardRollingPolicy(Long.MAX_VALUE, 2);

    List<Shard> train = write(policy, "train", 4, 4, 4);
    List<Shard> test = write(policy, "test", 4);

    assertThat(train).extracting(s -> s.records).containsExactly(2, 1);
    assertThat(test).extracting(s -> s.records).containsExactly(1);
  }

  @Test
  void countsTheHeaderOfAnEscapedMagicWord() throws Exception {
    // 8 payload bytes with a magic word at offset 4 frame as chunks of 4 and 0 bytes: 20 bytes.
    byte[] escaped = {1, 2, 3, 4, 0x0A, 0x23, (byte) 0xD7, (byte) 0xCE};
    byte[] plain = {1, 2, 3, 4, 5, 6, 7, 8};
    Shard holdingOneEscapedRecord = new Shard("train");
    holdingOneEscapedRecord.size = 20;

    // 20 + 16 fits in 39 bytes, 20 + 20 does not.
    assertThat(
            new ShardRollingPolicy(39, Long.MAX_VALUE)
                .shouldRollOnEvent(holdingOneEscapedRecord, ChannelRecord.of("train", plain)))
        .isFalse();
    assertThat(
            new ShardRollingPolicy(39, Long.MAX_VALUE)
                .shouldRollOnEvent(holdingOneEscapedRecord, ChannelRecord.of("train", escaped)))
        .isTrue();
  }

  @Test
  void asksAShardForItsSizeOnlyWhenItFirstSeesIt() throws Exception {
    // A local part file answers getSize() with a system call, and the writer buffers.
    // Empty payloads frame as 8 bytes: 500 of them fill 4000 bytes.
    ShardRollingPolicy policy = new ShardRollingPolicy(4_000, Long.MAX_VALUE);

    List<Shard> shards = write(policy, "train", new int[1_000]);

    assertThat(shards).hasSize(2);
    assertThat(shards).extracting(s -> s.sizeAsked).containsExactly(1, 1);
  }
}
