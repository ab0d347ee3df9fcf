package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.publish.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Splits that pass the leakage audit and would still be useless, end to end: stratified splits of
 * an imbalanced label keep its share in every channel; a channel meant to receive records that ends
 * empty fails the run; an input without rows is an error.
 */
class SplitQualityITCase {
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  private Path out() {
    return output.resolve("out");
  }

  private Map<String, String> csv(String... more) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.label", "label");
    values.put("sink.path", out().toUri().toString());
    for (int i = 0; i < more.length; i += 2) {
      values.put(more[i], more[i + 1]);
    }
    return values;
  }

  private static int main(Map<String, String> values, ByteArrayOutputStream err) {
    List<String> args = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          args.add("--" + k);
          args.add(v);
        });
    return Main.run(
        args.toArray(String[]::new),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** 1,000 speakers of 20 utterances; speakers 3, 13, 23, ... have 2 positives (1 % in all). */
  private void writeImbalancedSpeech() throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,speaker,x,label"));
    for (int g = 0; g < 1000; g++) {
      for (int i = 0; i < 20; i++) {
        boolean positive = g % 10 == 3 && i < 2;
        lines.add("u" + g + "-" + i + ",spk" + g + "," + i + "," + (positive ? 1 : 0));
      }
    }
    Files.write(input.resolve("speech.csv"), lines);
  }

  private JsonNode report() throws IOException {
    return JsonFiles.read(
        new dev.sluice.jobs.publish.OutputLayout(new org.apache.flink.core.fs.Path(out().toUri()))
            .report());
  }

  @Test
  void aStratifiedRandomSplitGivesEveryChannelItsShareOfPositivesToWithinOneRecord()
      throws Exception {
    writeImbalancedSpeech();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        main(
            csv(
                "split.strategy", "random",
                "schema.features", "x",
                "split.stratify-by", "label"),
            err);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode report = report();
    double[] fractions = {0.8, 0.1, 0.1};
    for (int j = 0; j < 3; j++) {
      String channel = CHANNELS.get(j);
      long positives = report.at("/classes_per_channel/1/" + channel).asLong();
      long negatives = report.at("/classes_per_channel/0/" + channel).asLong();
      assertThat((double) positives).isCloseTo(fractions[j] * 200, Offset.offset(1.0));
      assertThat((double) negatives).isCloseTo(fractions[j] * 19_800, Offset.offset(1.0));
      assertThat((double) positives / (positives + negatives))
          .as("positive share of %s", channel)
          .isCloseTo(0.01, Offset.offset(0.001));
    }
    assertThat(report.at("/plan/mode").asText()).isEqualTo("random-stratified");
    assertThat(report.at("/warnings")).isEmpty();
  }

  @Test
  void aStratifiedGroupSplitKeepsSpeakersWholeAndThePositiveShareInEveryChannel() throws Exception {
    writeImbalancedSpeech();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        main(
            csv(
                "split.strategy", "group",
                "schema.group", "speaker",
                "split.stratify-by", "label"),
            err);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode report = report();
    assertThat(report.at("/audit/passed").asBoolean()).isTrue();
    for (String channel : CHANNELS) {
      long positives = report.at("/classes_per_channel/1/" + channel).asLong();
      long negatives = report.at("/classes_per_channel/0/" + channel).asLong();
      assertThat((double) positives / (positives + negatives))
          .as("positive share of %s", channel)
          .isCloseTo(0.01, Offset.offset(0.001));
    }
    Map<String, String> channelOfSpeaker = new HashMap<>();
    ChannelOutput channels = new ChannelOutput(out().toUri().toString());
    channels
        .uidsByChannel(CHANNELS)
        .forEach(
            (channel, uids) ->
                uids.forEach(
                    uid -> {
                      String speaker = uid.substring(1, uid.indexOf('-'));
                      assertThat(channelOfSpeaker.merge(speaker, channel, (a, b) -> a))
                          .isEqualTo(channel);
                    }));
  }

  @Test
  void aChannelMeantToReceiveRecordsThatEndsEmptyFailsTheRunAndPublishesNothing() throws Exception {
    // One speaker, hashed whole: two of the three channels cannot receive anything.
    List<String> lines = new ArrayList<>(List.of("id,speaker,x,label"));
    for (int i = 0; i < 10; i++) {
      lines.add("a" + i + ",alice," + i + ",0");
    }
    Files.write(input.resolve("two-speakers.csv"), lines);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = main(csv("split.strategy", "group", "schema.group", "speaker"), err);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("is empty although its requested fraction is 0.1")
        .contains("split.allow-empty-channels");
    Path metadata = out().resolve("_sluice");
    assertThat(metadata.resolve("failed-report.json")).exists();
    assertThat(metadata.resolve("report.json")).doesNotExist();
    assertThat(metadata.resolve("train.manifest")).doesNotExist();
  }

  @Test
  void allowEmptyChannelsCompletesTheSameRunWithAWarning() throws Exception {
    List<String> lines = new ArrayList<>(List.of("id,speaker,x,label"));
    for (int i = 0; i < 10; i++) {
      lines.add("a" + i + ",alice," + i + ",0");
    }
    Files.write(input.resolve("two-speakers.csv"), lines);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        main(
            csv(
                "split.strategy", "group",
                "schema.group", "speaker",
                "split.allow-empty-channels", "true"),
            err);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(report().at("/status").asText()).isEqualTo("complete");
    assertThat(report().at("/warnings").toString()).contains("is empty");
  }

  @Test
  void anInputWithoutRowsIsAnErrorNotACompleteRunOfNothing() throws Exception {
    Files.write(input.resolve("header-only.csv"), List.of("id,x,label"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = main(csv("split.allow-empty-channels", "true"), err);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("the input holds no rows");
    assertThat(out().resolve("_sluice").resolve("report.json")).doesNotExist();
  }
}
