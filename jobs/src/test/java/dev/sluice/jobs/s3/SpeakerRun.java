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
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.YamlConfig;
import dev.sluice.jobs.publish.JsonFiles;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.testing.s3.S3TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;

/**
 * The run the cluster ITs submit, as a new user would: the speech-speakers sample (1,000 speakers,
 * 5,000 utterances) on S3, split by speaker, written to S3; a job file on local disk. What its
 * output must be is computed here from the sample and Sluice's splitter, independent of the run.
 */
final class SpeakerRun {
  static final int UTTERANCES = 5_000;

  private final S3TestServer s3;
  private final String root;

  private SpeakerRun(S3TestServer s3, String root) {
    this.s3 = s3;
    this.root = root;
  }

  /** A run writing to {@code s3://train-data/<root>}; uploads the sample once per server. */
  static SpeakerRun writingTo(S3TestServer s3, String root) {
    if (s3.listKeys(RAW, "speech/").isEmpty()) {
      S3Output.upload(s3, Scenarios.sample("speech-speakers"), RAW, "speech");
    }
    return new SpeakerRun(s3, root);
  }

  /** The Flink keys deploy/s3.md tells cluster operators to set, for this server. */
  static Map<String, String> clusterSettings(S3TestServer s3) {
    return FlinkFileSystems.toFlinkConfiguration(s3Settings(s3)).toMap();
  }

  /** The same, with the cluster reaching the server through {@code endpoint} (a recorder). */
  static Map<String, String> clusterSettings(S3TestServer s3, URI endpoint) {
    Map<String, String> settings = new HashMap<>(clusterSettings(s3));
    settings.put(FlinkFileSystems.FLINK_S3_ENDPOINT, endpoint.toString());
    return settings;
  }

  /** The job file, with extra YAML lines (a misspelt key, say). */
  String yaml(String... extraLines) {
    List<String> lines = new ArrayList<>();
    lines.add("source: {path: 's3://" + RAW + "/speech/', format: jsonl}");
    lines.add("schema: {id: utterance_id, group: speaker, label: keyword, features: [mfcc]}");
    lines.add("split: {strategy: group, fractions: [0.8, 0.1, 0.1]}");
    lines.add("sink: {path: 's3://" + TRAIN_DATA + "/" + root + "'}");
    lines.addAll(List.of(extraLines));
    lines.add("");
    return String.join("\n", lines);
  }

  /** Writes {@link #yaml} to {@code folder/<root>.yaml} and returns where. */
  Path jobFile(Path folder, String... extraLines) throws IOException {
    return Files.writeString(folder.resolve(root + ".yaml"), yaml(extraLines));
  }

  /** The output as a training job reads it, through Flink's S3 filesystem in this JVM. */
  ChannelOutput output() {
    FlinkFileSystems.initializeForLocalRun(s3Settings(s3), new Configuration());
    return new ChannelOutput("s3://" + TRAIN_DATA + "/" + root);
  }

  /** Whether {@code _sluice/report.json} exists: training pipelines wait for it. */
  boolean published() {
    return s3.listKeys(TRAIN_DATA, root + "/_sluice/").contains(root + "/_sluice/report.json");
  }

  /**
   * The run's complete output: every utterance exactly once, in the channel Sluice's splitter
   * assigns its speaker; the report complete with a passed audit; under each channel prefix exactly
   * the shards its manifest names, and no open upload.
   */
  void assertPublishedEveryUtteranceOnceInItsChannel() throws IOException {
    assertThat(published())
        .as(
            "s3://%s/%s/_sluice/report.json exists; objects under the run: %s",
            TRAIN_DATA, root, s3.listKeys(TRAIN_DATA, root + "/"))
        .isTrue();
    ChannelOutput out = output();
    Map<String, String> channelOf = new HashMap<>();
    for (String channel : CHANNELS) {
      for (DecodedRecord record : out.records(channel)) {
        assertThat(channelOf.put(record.uid(), channel))
            .as("%s written once", record.uid())
            .isNull();
      }
    }
    assertThat(channelOf).isEqualTo(expectedChannels());

    JsonNode report = out.report();
    assertThat(report.at("/status").asText()).isEqualTo("complete");
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    S3Output.assertChannelsHoldExactlyTheirManifests(s3, root);
  }

  /** Utterance id to the channel the configured split gives its speaker. */
  Map<String, String> expectedChannels() throws IOException {
    // A split by speaker needs no plan.
    Splitter splitter =
        ((UnplannedSpec) JobConfig.from(YamlConfig.parse(yaml(), root + ".yaml")).split())
            .splitter();
    Map<String, String> expected = new HashMap<>();
    try (Stream<Path> files = Files.list(Scenarios.sample("speech-speakers"))) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode row = JsonFiles.mapper().readTree(line);
          String uid = row.get("utterance_id").asText();
          SplitFields fields = SplitFields.ofGroup(uid, row.get("speaker").asText());
          expected.put(uid, splitter.assign(fields).channel().name());
        }
      }
    }
    assertThat(expected).hasSize(UTTERANCES);
    return expected;
  }

  private static S3Settings s3Settings(S3TestServer s3) {
    return S3Settings.builder()
        .endpoint(s3.endpoint())
        .pathStyleAccess(true)
        .region(s3.region())
        .credentials(s3.accessKey(), s3.secretKey())
        .build();
  }
}
