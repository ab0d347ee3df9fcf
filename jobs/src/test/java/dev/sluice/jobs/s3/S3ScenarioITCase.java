package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.CHANNELS;
import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.Scenarios;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.run.SluiceRun;
import dev.sluice.testing.s3.S3TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every scenario of {@code conf/} from raw objects in {@code s3://raw/…} to channels in {@code
 * s3://train-data/…}, through Flink's S3 filesystem against a real S3 server on 127.0.0.1. The
 * channels are read back through S3; each record lands where the same run on local files puts it;
 * and under each channel prefix there is exactly what its manifest lists.
 */
class S3ScenarioITCase {
  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @Order(2)
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path localOutput;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demand-forecast",
        "demand-forecast-cutoffs",
        "speech-speakers",
        "factory-clean-noisy",
        "factory-clean-noisy-mixed"
      })
  void scenarioReadsRawObjectsFromS3AndPublishesItsChannelsToS3(String scenario) throws Exception {
    S3Output.upload(S3, Scenarios.sample(scenario), RAW, scenario);
    JobConfig config =
        JobConfig.from(
            Scenarios.raw(
                scenario,
                "s3://" + RAW + "/" + scenario + "/",
                "s3://" + TRAIN_DATA + "/" + scenario,
                S3Output.settings(S3)));

    new SluiceRun(config).run();

    ChannelOutput out = new ChannelOutput("s3://" + TRAIN_DATA + "/" + scenario);
    JsonNode report = out.report();
    assertThat(report.at("/status").asText()).isEqualTo("complete");
    assertThat(report.at("/rows/balanced").asBoolean()).isTrue();
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    assertThat(report.at("/input/objects")).isNotEmpty();
    assertThat(report.at("/input/objects/0/uri").asText()).startsWith("s3://raw/" + scenario);

    Map<String, String> onS3 = channelByLine(out);
    assertThat(onS3).hasSize(report.at("/rows/written").asInt());
    JsonNode inputDataConfig = out.inputDataConfig();
    for (int i = 0; i < CHANNELS.size(); i++) {
      assertThat(inputDataConfig.get(i).at("/DataSource/S3DataSource/S3Uri").asText())
          .isEqualTo("s3://" + TRAIN_DATA + "/" + scenario + "/" + CHANNELS.get(i) + "/");
    }
    S3Output.assertChannelsHoldExactlyTheirManifests(S3, scenario);

    new SluiceRun(Scenarios.config(scenario, localOutput)).run();
    assertThat(onS3)
        .as("every record in the channel a run on local files gives it")
        .isEqualTo(channelByLine(new ChannelOutput(localOutput.toUri().toString())));
  }

  /**
   * Each record's channel, keyed by its object's name and line (or its id): the part of the uid
   * that does not depend on where the objects are stored. Fails on a record seen twice.
   */
  private static Map<String, String> channelByLine(ChannelOutput out) throws Exception {
    Map<String, String> channels = new HashMap<>();
    for (String channel : CHANNELS) {
      List<DecodedRecord> records = out.records(channel);
      for (DecodedRecord record : records) {
        String uid = record.uid();
        String key = uid.substring(uid.lastIndexOf('/') + 1);
        assertThat(channels.put(key, channel)).as("%s seen twice", key).isNull();
      }
    }
    return channels;
  }
}
