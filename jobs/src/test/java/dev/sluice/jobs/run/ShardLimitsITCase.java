package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.CsvObjects;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.publish.ChannelShards;
import dev.sluice.jobs.publish.OutputLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sink.max-shard-bytes} through the whole job: shards are written through a buffer, so the
 * limit holds only if the rolling policy counts what the buffer has not yet handed to the file.
 */
class ShardLimitsITCase {
  private static final int ROWS_PER_OBJECT = 2_000;
  private static final long MAX_SHARD_BYTES = 8 * 1024;

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @Test
  void noShardGrowsPastTheByteLimitAndEveryRecordIsWrittenOnce() throws Exception {
    CsvObjects.write(input, 3, ROWS_PER_OBJECT);
    JobConfig config =
        CsvObjects.job(input, output, Map.of("sink.max-shard-bytes", MAX_SHARD_BYTES + "b"));

    new SluiceRun(config).run();

    List<ChannelShards.Shard> shards = new ArrayList<>();
    for (String channel : List.of("train", "validation", "test")) {
      shards.addAll(
          ChannelShards.list(
              new OutputLayout(new org.apache.flink.core.fs.Path(output.toUri()))
                  .channel(channel)));
    }
    assertThat(shards).hasSizeGreaterThan(10);
    assertThat(shards)
        .allSatisfy(shard -> assertThat(shard.bytes()).isLessThanOrEqualTo(MAX_SHARD_BYTES));
    // Full shards are nearly full: the limit is not met by closing shards early.
    assertThat(shards.stream().mapToLong(ChannelShards.Shard::bytes).max().orElse(0))
        .isGreaterThan(MAX_SHARD_BYTES - 100);
    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    List<String> uids = new ArrayList<>();
    for (String channel : List.of("train", "validation", "test")) {
      uids.addAll(out.uidsByChannel(List.of(channel)).get(channel));
    }
    assertThat(uids).hasSize(3 * ROWS_PER_OBJECT).doesNotHaveDuplicates();
  }
}
