package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.run.SluiceRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speakers heard in both domains, as issue 12 met them: 20,000 clean and 200 noisy utterances from
 * 100 speakers, 83 of whom speak in both, under preset clean-train-noisy-eval with inner group.
 * Without split.domain.cross-domain-groups the planning pass stops the run before anything is
 * written; with a policy the run does what the policy says.
 */
class CrossDomainGroupsITCase {
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  /** Speaker i: 200 clean utterances; speakers 0-82 also 2 or 3 noisy ones (200 in all). */
  private void writeFactoryData() throws IOException {
    List<String> clean = new ArrayList<>(List.of("id,speaker,domain,f0,f1,label"));
    List<String> noisy = new ArrayList<>(List.of("id,speaker,domain,f0,f1,label"));
    for (int s = 0; s < 100; s++) {
      for (int i = 0; i < 200; i++) {
        clean.add("c-" + s + "-" + i + ",spk" + s + ",clean," + i + "," + s + "," + (i % 2));
      }
    }
    for (int s = 0; s < 83; s++) {
      for (int i = 0; i < (s < 34 ? 3 : 2); i++) {
        noisy.add("n-" + s + "-" + i + ",spk" + s + ",noisy," + i + "," + s + "," + (i % 2));
      }
    }
    Files.write(input.resolve("clean.csv"), clean);
    Files.write(input.resolve("noisy.csv"), noisy);
  }

  private Map<String, String> settings(String policy) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.group", "speaker");
    values.put("schema.domain", "domain");
    values.put("schema.label", "label");
    values.put("split.strategy", "domain");
    values.put("split.domain.preset", "clean-train-noisy-eval");
    values.put("split.domain.inner", "group");
    if (policy != null) {
      values.put("split.domain.cross-domain-groups", policy);
    }
    values.put("sink.path", output.resolve("out").toUri().toString());
    return values;
  }

  private static String[] args(Map<String, String> values) {
    List<String> args = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          args.add("--" + k);
          args.add(v);
        });
    return args.toArray(String[]::new);
  }

  private static int main(Map<String, String> values, ByteArrayOutputStream err) {
    return Main.run(
        args(values),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void withoutAPolicyTheRunStopsBeforeWritingAndStatesWhatEachPolicyWouldCost() throws Exception {
    writeFactoryData();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = main(settings(null), err);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("found by the planning pass in the input; nothing was written")
        .contains("split.domain.cross-domain-groups: 83 group(s) occur in more than one domain")
        .contains("records per domain: {clean=16600, noisy=200}")
        .contains("follow-majority puts {noisy=200} record(s) into a channel")
        .contains("evaluation-first excludes {clean=16600} record(s)")
        .contains("split-by-domain keeps routes but leaves 83 group(s)")
        .doesNotContain("\tat ");
    assertThat(output.resolve("out")).doesNotExist();
  }

  @Test
  void theBundledFactorySampleWithoutAPolicyStopsToo() {
    Map<String, String> values = settings(null);
    values.put("source.path", Scenarios.sample("factory-clean-noisy").toUri().toString());
    values.put("schema.id", "utterance_id");
    values.put("schema.label", "keyword");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = main(values, err);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("split.domain.cross-domain-groups: 5 group(s) occur in more than one domain")
        .contains("records per domain: {clean=50, noisy=25}");
    assertThat(output.resolve("out")).doesNotExist();
  }

  @Test
  void evaluationFirstEvaluatesOnNoiseWithSpeakersNeverHeardInTraining() throws Exception {
    writeFactoryData();
    JobConfig config = JobConfig.from(RawConfig.of(settings("evaluation-first"), "test"));

    new SluiceRun(config).run();

    ChannelOutput out = new ChannelOutput(output.resolve("out").toUri().toString());
    Map<String, List<String>> uids = out.uidsByChannel(CHANNELS);
    Set<String> trainSpeakers = new HashSet<>();
    uids.get("train").forEach(uid -> trainSpeakers.add(speakerOf(uid)));
    assertThat(uids.get("train")).hasSize(17 * 200).allSatisfy(u -> assertThat(u).startsWith("c-"));
    for (String channel : List.of("validation", "test")) {
      assertThat(uids.get(channel))
          .isNotEmpty()
          .allSatisfy(u -> assertThat(u).startsWith("n-"))
          .allSatisfy(u -> assertThat(trainSpeakers).doesNotContain(speakerOf(u)));
    }
    JsonNode report = out.report();
    assertThat(report.at("/status").asText()).isEqualTo("complete");
    assertThat(report.at("/rows/read").asLong()).isEqualTo(20_200);
    assertThat(report.at("/rows/excluded_cross_domain").asLong()).isEqualTo(16_600);
    assertThat(report.at("/rows/written").asLong()).isEqualTo(3_600);
    assertThat(report.at("/rows/balanced").asBoolean()).isTrue();
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    assertThat(report.at("/plan/policy").asText()).isEqualTo("evaluation-first");
    assertThat(report.at("/plan/found/groups").asLong()).isEqualTo(83);
    assertThat(report.at("/plan/found/cost_per_policy/evaluation-first/records_excluded/clean"))
        .hasToString("16600");
  }

  @Test
  void splitByDomainKeepsRoutesAndReportsTheLeak() throws Exception {
    writeFactoryData();
    JobConfig config = JobConfig.from(RawConfig.of(settings("split-by-domain"), "test"));

    new SluiceRun(config).run();

    ChannelOutput out = new ChannelOutput(output.resolve("out").toUri().toString());
    Map<String, List<String>> uids = out.uidsByChannel(CHANNELS);
    assertThat(uids.get("train")).hasSize(20_000);
    assertThat(uids.get("validation").size() + uids.get("test").size()).isEqualTo(200);
    JsonNode report = out.report();
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    assertThat(report.at("/audit/accepted_leaks/0").asText())
        .startsWith("split.domain.cross-domain-groups = split-by-domain leaks: 83 group(s)");
  }

  @Test
  void followMajorityLeavesValidationAndTestEmptySoTheRunFailsInsteadOfCompleting()
      throws Exception {
    writeFactoryData();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = main(settings("follow-majority"), err);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("channel validation is empty although the route of domain 'noisy' gives it 0.5")
        .contains("channel test is empty");
    assertThat(output.resolve("out/_sluice/failed-report.json")).exists();
    assertThat(output.resolve("out/_sluice/report.json")).doesNotExist();
  }

  private static String speakerOf(String uid) {
    String id = uid.substring(uid.lastIndexOf('/') + 1);
    return id.split("-")[1];
  }
}
