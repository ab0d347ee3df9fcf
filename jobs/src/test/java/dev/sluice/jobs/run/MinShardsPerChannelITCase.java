package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.CsvObjects;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.publish.ChannelShards;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sink.min-shards-per-channel}: every channel is spread over at least that many shards, or
 * over one shard per record when it holds fewer, so ShardedByS3Key can feed that many instances.
 */
class MinShardsPerChannelITCase {
  private static final int SHARDS = 8;

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @Test
  void everyChannelHasAtLeastTheRequestedShardsWhereItsRecordsAllow() throws Exception {
    CsvObjects.write(input, 3, 30);
    JobConfig config =
        CsvObjects.job(
            input,
            output,
            Map.of(
                "split.fractions",
                "0.8,0.15,0.05",
                "sink.min-shards-per-channel",
                Integer.toString(SHARDS)));

    new SluiceRun(config).run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    for (String channel : List.of("train", "validation", "test")) {
      int records = out.records(channel).size();
      assertThat(ChannelShards.list(out.layout().channel(channel)))
          .as("shards of %s (%d records)", channel, records)
          .hasSizeGreaterThanOrEqualTo(Math.min(records, SHARDS))
          .allSatisfy(shard -> assertThat(shard.relativeKey()).matches("shard-\\d{3}/part-.*"));
    }
    assertThat(out.records("train").size()).isGreaterThan(SHARDS);
  }
}
