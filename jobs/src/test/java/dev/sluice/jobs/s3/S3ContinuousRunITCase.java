package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.CHANNELS;
import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.FailOnce;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.run.SluiceRun;
import dev.sluice.testing.s3.S3TestServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A continuous run on S3: objects uploaded while it runs are picked up and each of their records is
 * committed once, also across a failure and the restore from a checkpoint; the channel prefixes
 * hold committed shards only, whenever a training job lists them.
 */
class S3ContinuousRunITCase {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int ROWS_PER_OBJECT = 400;

  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @Order(2)
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @Test
  void objectsUploadedWhileTheJobRunsLandOnceDespiteAFailure() throws Exception {
    upload(0);
    FailOnce failure = FailOnce.after(ROWS_PER_OBJECT + ROWS_PER_OBJECT / 2);
    JobClient client =
        new SluiceRun(
                config(),
                MiniClusters::restartingEnvironment,
                job -> job.withStepAfterSource(rows -> rows.map(failure)))
            .start()
            .client();
    try {
      ChannelOutput out = new ChannelOutput("s3://" + TRAIN_DATA + "/continuous");
      out.awaitCommitted(client, CHANNELS, ROWS_PER_OBJECT, PATIENCE);
      assertChannelsHoldOnlyShards();
      upload(1);
      upload(2);
      upload(3);
      List<String> uids =
          out.awaitCommitted(client, CHANNELS, 4 * ROWS_PER_OBJECT, PATIENCE).stream()
              .map(DecodedRecord::uid)
              .toList();
      assertChannelsHoldOnlyShards();

      assertThat(failure.happened()).as("the injected failure happened").isTrue();
      assertThat(uids).hasSize(4 * ROWS_PER_OBJECT).doesNotHaveDuplicates();
    } finally {
      client.cancel().get();
    }
  }

  private static JobConfig config() {
    Map<String, String> values = new LinkedHashMap<>(S3Output.settings(S3));
    values.put("source.path", "s3://" + RAW + "/landing/");
    values.put("source.format", "jsonl");
    values.put("source.monitor-interval", "500ms");
    values.put("schema.id", "id");
    values.put("schema.group", "store");
    values.put("schema.features", "x");
    values.put("split.strategy", "group");
    values.put("sink.path", "s3://" + TRAIN_DATA + "/continuous");
    values.put("job.checkpoint-interval", "500ms");
    values.put("job.parallelism", "2");
    return JobConfig.from(RawConfig.of(values, "test"));
  }

  /** An S3 object appears whole or not at all, so it is uploaded straight into the landing. */
  private static void upload(int object) {
    StringBuilder lines = new StringBuilder();
    for (int i = object * ROWS_PER_OBJECT; i < (object + 1) * ROWS_PER_OBJECT; i++) {
      lines.append(
          String.format("{\"id\":\"r%d\",\"store\":\"s%02d\",\"x\":[%d.5]}%n", i, i % 40, i));
    }
    S3.putObject(RAW, "landing/batch-" + object + ".jsonl", lines.toString());
  }

  /** What a training job listing the channels now would find: committed shards, nothing else. */
  private static void assertChannelsHoldOnlyShards() {
    for (String channel : CHANNELS) {
      assertThat(S3.listKeys(TRAIN_DATA, "continuous/" + channel + "/"))
          .allSatisfy(key -> assertThat(key).matches("continuous/" + channel + "/part-.*\\.rec"));
    }
  }
}
