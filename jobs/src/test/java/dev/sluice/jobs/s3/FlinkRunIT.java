package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.CHANNELS;
import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.fs.FlinkFileSystems;
import dev.sluice.connectors.fs.S3Settings;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.Scenarios;
import dev.sluice.jobs.StandaloneFlinkCluster;
import dev.sluice.testing.s3.S3TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink run sluice-flink-job.jar --config s3://…} on a standalone Flink cluster of separate
 * processes whose S3 filesystem is a plugin configured in the cluster's {@code config.yaml}: the
 * cluster jar brings everything Sluice needs, the job leaves the cluster's filesystems alone, and
 * the attached client publishes the channels on S3.
 */
class FlinkRunIT {
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA, "config");

  @TempDir static Path home;

  private static StandaloneFlinkCluster cluster;
  private static S3Settings s3;

  @BeforeAll
  static void startCluster() throws Exception {
    s3 =
        S3Settings.builder()
            .endpoint(S3.endpoint())
            .pathStyleAccess(true)
            .region(S3.region())
            .credentials(S3.accessKey(), S3.secretKey())
            .build();
    // The Flink keys deploy/s3.md tells cluster operators to set.
    Map<String, String> settings = FlinkFileSystems.toFlinkConfiguration(s3).toMap();
    cluster =
        StandaloneFlinkCluster.start(
            Path.of(System.getProperty("sluice.cluster.dir")), home, settings);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aJobFileOnS3RunsOnTheClusterAndItsChannelsArePublishedOnS3() throws Exception {
    S3Output.upload(S3, Scenarios.sample("speech-speakers"), RAW, "speech");
    S3.putObject(
        "config",
        "jobs/speech.yaml",
        String.join(
            "\n",
            "source: {path: 's3://raw/speech/', format: jsonl}",
            "schema: {id: utterance_id, group: speaker, label: keyword, features: [mfcc]}",
            "split: {strategy: group, fractions: [0.8, 0.1, 0.1]}",
            "sink: {path: 's3://train-data/cluster'}",
            ""));

    StandaloneFlinkCluster.Result run =
        cluster.run(
            Duration.ofMinutes(4),
            List.of(
                System.getProperty("sluice.cluster.jar"),
                "--config",
                "s3://config/jobs/speech.yaml",
                "--s3.region",
                S3.region()));

    assertThat(run.exitCode())
        .as("flink run; client:\n%s\ntaskmanager:\n%s", run.output(), cluster.log("taskmanager"))
        .isZero();
    assertThat(run.output())
        .contains("Channels written under s3://train-data/cluster")
        .contains("s3.* settings apply to local runs only")
        .doesNotContain(S3.secretKey());

    FlinkFileSystems.initializeForLocalRun(s3, new Configuration());
    ChannelOutput out = new ChannelOutput("s3://" + TRAIN_DATA + "/cluster");
    List<String> uids = new ArrayList<>();
    Map<String, String> channelOfSpeaker = new HashMap<>();
    for (String channel : CHANNELS) {
      for (DecodedRecord record : out.records(channel)) {
        uids.add(record.uid());
        String speaker = record.uid().substring(0, record.uid().indexOf('-'));
        assertThat(channelOfSpeaker.putIfAbsent(speaker, channel)).isIn(null, channel);
      }
    }
    assertThat(uids).hasSize(5000).doesNotHaveDuplicates();
    assertThat(channelOfSpeaker).hasSize(1000);

    JsonNode report = out.report();
    assertThat(report.at("/status").asText()).isEqualTo("complete");
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    // The plugin's multipart API is out of the client's reach, and the report says what to do.
    assertThat(report.at("/warnings").toString()).contains("AbortIncompleteMultipartUpload");
    S3Output.assertChannelsHoldExactlyTheirManifests(S3, "cluster");
  }
}
