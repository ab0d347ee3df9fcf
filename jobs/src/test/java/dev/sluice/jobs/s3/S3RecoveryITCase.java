package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.CHANNELS;
import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.FailOnce;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.run.SluiceRun;
import dev.sluice.testing.s3.S3TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Channels larger than an S3 multipart part, written through Flink's recoverable S3 writer: with
 * and without a failure midway, every record is in S3 exactly once, each channel prefix holds
 * exactly the committed shards, and no multipart upload is left open.
 */
class S3RecoveryITCase {
  private static final int OBJECTS = 4;
  private static final int ROWS_PER_OBJECT = 20_000;
  private static final int FEATURES = 50;

  /** Flink's S3 writer uploads parts of at least 5 MiB; a larger shard takes several. */
  private static final long PART_SIZE = 5L << 20;

  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @Order(2)
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @BeforeAll
  static void uploadRawObjects() {
    for (int object = 0; object < OBJECTS; object++) {
      StringBuilder csv = new StringBuilder("id,label");
      for (int f = 0; f < FEATURES; f++) {
        csv.append(",f").append(f);
      }
      csv.append('\n');
      for (int i = 0; i < ROWS_PER_OBJECT; i++) {
        csv.append('r').append(object).append('-').append(i).append(',').append(i % 2);
        for (int f = 0; f < FEATURES; f++) {
          csv.append(',').append((i * 31 + f) % 1000).append(".25");
        }
        csv.append('\n');
      }
      S3.putObject(RAW, "wide/part-" + object + ".csv", csv.toString());
    }
  }

  @Test
  void shardsLargerThanAPartAreCompletedMultipartUploads() throws Exception {
    String root = "wide-once";
    // One writer: every train record goes to one shard (about 15 MiB, well past a part),
    // whichever objects the readers happen to take. With two writers, one that read a single
    // object wrote a train shard of about 4 MiB.
    new SluiceRun(config(root, 1)).run();

    assertEveryRecordOnce(root);
    List<String> train = S3.listKeys(TRAIN_DATA, root + "/train/");
    assertThat(train)
        .as("train shards")
        .allSatisfy(
            key -> {
              var head = S3.client().headObject(b -> b.bucket(TRAIN_DATA).key(key));
              assertThat(head.contentLength()).isGreaterThan(PART_SIZE);
              // A completed multipart upload's ETag ends in -<parts>.
              assertThat(head.eTag()).matches("\"?[0-9a-f]+-[0-9]+\"?");
            });
    S3Output.assertChannelsHoldExactlyTheirManifests(S3, root);
  }

  @Test
  void aFailureMidwayLeavesEveryRecordOnceAndNothingButShardsUnderTheChannels() throws Exception {
    String root = "wide-recovered";
    FailOnce failure = FailOnce.after(ROWS_PER_OBJECT / 2);
    new SluiceRun(
            config(root, 2),
            MiniClusters::restartingEnvironment,
            job -> job.withStepAfterSource(rows -> rows.map(failure)))
        .run();

    assertThat(failure.happened()).as("the injected failure happened").isTrue();
    assertEveryRecordOnce(root);
    S3Output.assertChannelsHoldExactlyTheirManifests(S3, root);
    // The failed attempt's unfinished shards were open uploads; the run aborted them.
    JsonNode channels =
        new ChannelOutput("s3://" + TRAIN_DATA + "/" + root).report().at("/channels");
    long aborted = 0;
    for (JsonNode channel : channels) {
      aborted += channel.get("open_uploads_aborted_before_publishing").asLong();
    }
    assertThat(aborted).isPositive();
  }

  private static JobConfig config(String root, int parallelism) {
    Map<String, String> values = new LinkedHashMap<>(S3Output.settings(S3));
    values.put("source.path", "s3://" + RAW + "/wide/");
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.label", "label");
    values.put("sink.path", "s3://" + TRAIN_DATA + "/" + root);
    values.put("job.parallelism", String.valueOf(parallelism));
    // In input order: with the shuffle, BATCH's sort is a region boundary, the writers start only
    // once every row is read, and a failure while reading never meets an open upload.
    values.put("sink.shuffle", "false");
    return JobConfig.from(RawConfig.of(values, "test"));
  }

  private static void assertEveryRecordOnce(String root) throws Exception {
    ChannelOutput out = new ChannelOutput("s3://" + TRAIN_DATA + "/" + root);
    List<String> uids = new ArrayList<>();
    for (String channel : CHANNELS) {
      uids.addAll(out.uidsByChannel(List.of(channel)).get(channel));
    }
    assertThat(uids).hasSize(OBJECTS * ROWS_PER_OBJECT).doesNotHaveDuplicates();
    JsonNode report = out.report();
    assertThat(report.at("/status").asText()).isEqualTo("complete");
    assertThat(report.at("/rows/read").asLong()).isEqualTo(OBJECTS * ROWS_PER_OBJECT);
    assertThat(report.at("/rows/balanced").asBoolean()).isTrue();
  }
}
