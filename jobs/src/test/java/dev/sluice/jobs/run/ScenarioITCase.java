package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.Scenarios;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.publish.JsonFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios of {@code conf/} on their bundled samples, end to end on a MiniCluster: every
 * output shard is read back with the codec (and split the dmlc way), and the split's promises are
 * checked against the records themselves, not only against the report.
 */
class ScenarioITCase {
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path output;

  private ChannelOutput run(JobConfig config) throws Exception {
    new SluiceRun(config).run();
    return new ChannelOutput(output.toUri().toString());
  }

  @Test
  void demandForecastTrainsOnTheOldestEightyPercentAndTestsOnTheMostRecent() throws Exception {
    ChannelOutput out = run(Scenarios.config("demand-forecast", output));

    Map<String, List<String>> uids = out.uidsByChannel(CHANNELS);
    assertEveryRowOnce(uids, 7310);
    JsonNode report = out.report();
    assertThat(report.at("/rows/read").asLong()).isEqualTo(7310);
    assertThat(report.at("/rows/rejected").asLong()).isZero();
    assertThat(report.at("/rows/balanced").asBoolean()).isTrue();
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    assertThat(report.at("/plan/mode").asText()).isEqualTo("time-fractions");
    for (int i = 0; i < 3; i++) {
      JsonNode channel = report.at("/channels/" + i);
      assertThat(channel.get("realised_fraction").asDouble())
          .isCloseTo(
              channel.get("requested_fraction").asDouble(),
              org.assertj.core.data.Offset.offset(0.01));
    }
    assertTimeOrder(report, 0);
  }

  @Test
  void demandForecastCutoffsLeaveAWeekOutBeforeEachCutoff() throws Exception {
    ChannelOutput out = run(Scenarios.config("demand-forecast-cutoffs", output));

    JsonNode report = out.report();
    // Seven days of ten products before each of the two cut-offs.
    assertThat(report.at("/rows/excluded_by_gap").asLong()).isEqualTo(140);
    assertThat(report.at("/rows/written").asLong()).isEqualTo(7310 - 140);
    assertThat(out.uidsByChannel(CHANNELS).values().stream().mapToInt(List::size).sum())
        .isEqualTo(7310 - 140);
    assertThat(report.at("/channels/0/latest").asText()).isEqualTo("2024-07-24T00:00:00Z");
    assertThat(report.at("/channels/1/earliest").asText()).isEqualTo("2024-08-01T00:00:00Z");
    assertThat(report.at("/channels/1/latest").asText()).isEqualTo("2024-10-24T00:00:00Z");
    assertThat(report.at("/channels/2/earliest").asText()).isEqualTo("2024-11-01T00:00:00Z");
    assertTimeOrder(report, 7);
  }

  @Test
  void speechSpeakersHoldOnlyUnseenSpeakersInValidationAndTest() throws Exception {
    ChannelOutput out = run(Scenarios.config("speech-speakers", output));

    Map<String, List<String>> uids = out.uidsByChannel(CHANNELS);
    assertEveryRowOnce(uids, 5000);
    Map<String, String> channelOfSpeaker = assertGroupsWhole(uids, ScenarioITCase::speakerOf);
    assertThat(channelOfSpeaker).hasSize(1000);
    assertThat(uids.values()).allSatisfy(list -> assertThat(list).isNotEmpty());
    assertThat(out.report().at("/audit/passed").asBoolean()).isTrue();
    assertThat(out.report().at("/channels/0/distinct_groups").asLong())
        .isEqualTo(channelOfSpeaker.values().stream().filter("train"::equals).count());
  }

  @Test
  void factoryCleanTrainsAndNoisyIsSplitIntoValidationAndTest() throws Exception {
    ChannelOutput out = run(Scenarios.config("factory-clean-noisy", output));

    Map<String, List<String>> uids = out.uidsByChannel(CHANNELS);
    // Speakers 495-499 speak in both domains: evaluation-first evaluates them on their noisy
    // utterances and excludes their 50 clean ones, so no evaluated speaker is heard in training.
    assertEveryRowOnce(uids, 5000);
    assertGroupsWhole(uids, ScenarioITCase::speakerOf);
    assertThat(uids.get("train"))
        .hasSize(4950)
        .allSatisfy(uid -> assertThat(uid).startsWith("c-"))
        .allSatisfy(uid -> assertThat(speakerNumber(uid)).isLessThan(495));
    for (String channel : List.of("validation", "test")) {
      assertThat(uids.get(channel))
          .isNotEmpty()
          .allSatisfy(uid -> assertThat(uid).startsWith("n-"))
          .allSatisfy(uid -> assertThat(speakerNumber(uid)).isBetween(495, 504));
    }
    assertThat(uids.get("validation").size() + uids.get("test").size()).isEqualTo(50);
    JsonNode report = out.report();
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    assertThat(report.at("/rows/excluded_cross_domain").asLong()).isEqualTo(50);
    assertThat(report.at("/rows/balanced").asBoolean()).isTrue();
    assertThat(report.at("/plan/policy").asText()).isEqualTo("evaluation-first");
    assertThat(report.at("/plan/found/groups").asLong()).isEqualTo(5);
    assertThat(report.at("/audit/rerouted_records").asLong()).isZero();
  }

  @Test
  void factoryMixedPresetKeepsTestNoisyAndSpeakersWhole() throws Exception {
    ChannelOutput out = run(Scenarios.config("factory-clean-noisy-mixed", output));

    Map<String, List<String>> uids = out.uidsByChannel(CHANNELS);
    long excluded = out.report().at("/rows/excluded_cross_domain").asLong();
    assertEveryRowOnce(uids, (int) (5050 - excluded));
    assertGroupsWhole(uids, ScenarioITCase::speakerOf);
    assertThat(uids.get("test")).isNotEmpty().allSatisfy(uid -> assertThat(uid).startsWith("n-"));
    assertThat(uids.get("validation")).anySatisfy(uid -> assertThat(uid).startsWith("c-"));
    assertThat(out.report().at("/audit/passed").asBoolean()).isTrue();
  }

  @Test
  void publishesManifestsAndAnInputDataConfigForEveryChannel() throws Exception {
    ChannelOutput out = run(Scenarios.config("speech-speakers", output));

    JsonNode config = out.inputDataConfig();
    assertThat(config).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String channel = CHANNELS.get(i);
      JsonNode entry = config.get(i);
      assertThat(entry.get("ChannelName").asText()).isEqualTo(channel);
      assertThat(entry.get("ContentType").asText()).isEqualTo("application/x-recordio-protobuf");
      assertThat(entry.at("/DataSource/S3DataSource/S3DataDistributionType").asText())
          .isEqualTo("ShardedByS3Key");
      assertThat(java.net.URI.create(entry.at("/DataSource/S3DataSource/S3Uri").asText()).getPath())
          .isEqualTo(output.resolve(channel) + "/");

      JsonNode manifest = out.manifest(channel);
      assertThat(manifest.get(0).get("prefix").asText())
          .isEqualTo(entry.at("/DataSource/S3DataSource/S3Uri").asText());
      Set<String> listed = new HashSet<>();
      for (int k = 1; k < manifest.size(); k++) {
        listed.add(manifest.get(k).asText());
      }
      assertThat(listed)
          .isNotEmpty()
          .allSatisfy(key -> assertThat(key).matches("part-.*\\.rec"))
          .allSatisfy(key -> assertThat(output.resolve(channel).resolve(key)).exists());
      assertThat(output.resolve(channel).toFile().list())
          .containsExactlyInAnyOrderElementsOf(listed);
    }
    JsonNode viaManifests = JsonFiles.read(out.layout().manifestInputDataConfig());
    for (int i = 0; i < 3; i++) {
      assertThat(viaManifests.get(i).get("ChannelName").asText()).isEqualTo(CHANNELS.get(i));
      assertThat(viaManifests.get(i).at("/DataSource/S3DataSource/S3DataType").asText())
          .isEqualTo("ManifestFile");
      assertThat(viaManifests.get(i).at("/DataSource/S3DataSource/S3Uri").asText())
          .isEqualTo(out.layout().manifest(CHANNELS.get(i)).toUri().toString());
    }
    // Metadata lives beside the channels, never under a channel prefix.
    assertThat(output.toFile().list())
        .containsExactlyInAnyOrder("train", "validation", "test", "_sluice");
  }

  @Test
  void theReportRecordsTheConfigurationItsHashTheSeedAndEveryDomain() throws Exception {
    ChannelOutput out =
        run(Scenarios.config("factory-clean-noisy", output, Map.of("split.seed", "42")));

    JsonNode report = out.report();
    assertThat(report.at("/seed").asLong()).isEqualTo(42);
    assertThat(report.at("/split_strategy").asText()).isEqualTo("domain");
    JsonNode configuration = report.at("/configuration");
    assertThat(configuration.get("split.domain.preset").asText())
        .isEqualTo("clean-train-noisy-eval");
    assertThat(configuration.get("sink.max-shard-bytes").asText()).isEqualTo("256mb");
    StringBuilder canonical = new StringBuilder();
    configuration
        .fields()
        .forEachRemaining(
            e ->
                canonical
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().asText())
                    .append('\n'));
    assertThat(report.at("/configuration_sha256").asText())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(
                            canonical
                                .toString()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    JsonNode clean = report.at("/domains/0");
    assertThat(clean.get("domain").asText()).isEqualTo("clean");
    // 50 clean utterances of the 5 speakers heard in both domains are excluded (evaluation-first).
    assertThat(clean.at("/records_per_channel/train").asLong()).isEqualTo(4950);
    JsonNode noisy = report.at("/domains/1");
    assertThat(noisy.get("domain").asText()).isEqualTo("noisy");
    assertThat(noisy.at("/requested/validation").asDouble()).isEqualTo(0.5);
    long noisyRecords = 0;
    for (String channel : CHANNELS) {
      noisyRecords += noisy.at("/records_per_channel/" + channel).asLong();
    }
    assertThat(noisyRecords).isEqualTo(50);
    assertThat(noisy.get("rerouted").asLong()).isZero();
  }

  private static void assertEveryRowOnce(Map<String, List<String>> uids, int rows) {
    List<String> all = uids.values().stream().flatMap(List::stream).toList();
    assertThat(all).hasSize(rows).doesNotHaveDuplicates();
  }

  private static Map<String, String> assertGroupsWhole(
      Map<String, List<String>> uids, java.util.function.Function<String, String> groupOf) {
    Map<String, String> channelOfGroup = new HashMap<>();
    uids.forEach(
        (channel, list) ->
            list.forEach(
                uid -> {
                  String previous = channelOfGroup.putIfAbsent(groupOf.apply(uid), channel);
                  assertThat(previous == null || previous.equals(channel))
                      .as("group %s is in %s and %s", groupOf.apply(uid), previous, channel)
                      .isTrue();
                }));
    return channelOfGroup;
  }

  private static void assertTimeOrder(JsonNode report, int gapDays) {
    Instant trainLatest = Instant.parse(report.at("/channels/0/latest").asText());
    Instant validationEarliest = Instant.parse(report.at("/channels/1/earliest").asText());
    Instant validationLatest = Instant.parse(report.at("/channels/1/latest").asText());
    Instant testEarliest = Instant.parse(report.at("/channels/2/earliest").asText());
    assertThat(trainLatest.plusSeconds(86_400L * gapDays)).isBefore(validationEarliest);
    assertThat(validationLatest.plusSeconds(86_400L * gapDays)).isBefore(testEarliest);
  }

  /** "spk0042-u3" → "spk0042"; "c-042-7" / "n-497-2" → "497". */
  private static String speakerOf(String uid) {
    return uid.startsWith("spk") ? uid.substring(0, uid.indexOf('-')) : uid.split("-")[1];
  }

  private static int speakerNumber(String uid) {
    return Integer.parseInt(uid.split("-")[1]);
  }
}
