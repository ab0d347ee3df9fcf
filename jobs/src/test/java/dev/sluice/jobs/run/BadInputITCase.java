package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.ConfigException;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile but realistic input through the whole job: nothing is merged, dropped or written wrong
 * without a count and a reason, and a run whose data cannot be right stops before it publishes.
 */
class BadInputITCase {

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  private JobConfig config(String format, Map<String, String> more) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", format);
    values.put("sink.path", output.toUri().toString());
    values.put("sink.max-rejected-fraction", "1");
    // A handful of rows cannot fill three channels; these tests are about the rejected ones.
    values.put("split.allow-empty-channels", "true");
    values.putAll(more);
    return JobConfig.from(RawConfig.of(values, "test"));
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** good.csv.gz (10 rows) and cut.csv.gz, a gzip object cut off halfway. */
  private void writeGoodAndTruncatedGzip() throws Exception {
    StringBuilder good = new StringBuilder("y,x\n");
    StringBuilder many = new StringBuilder("y,x\n");
    for (int i = 0; i < 10; i++) {
      good.append(i % 2).append(',').append(i).append('\n');
    }
    for (int i = 0; i < 50_000; i++) {
      many.append(i % 2).append(',').append(i * 7919 % 10_007).append('\n');
    }
    Files.write(input.resolve("good.csv.gz"), gzip(good.toString()));
    byte[] whole = gzip(many.toString());
    Files.write(input.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
  }

  @Test
  void aTruncatedGzipObjectFailsTheRunNamingTheObjectAndWhatWasRead() throws Exception {
    writeGoodAndTruncatedGzip();

    assertThatThrownBy(() -> new SluiceRun(config("csv", Map.of("schema.label", "y"))).run())
        .satisfies(
            e ->
                assertThat(SluiceRun.RunFailedException.innermostMessage(e))
                    .contains("cut.csv.gz is corrupt: read ")
                    .contains("Unexpected end of ZLIB input stream")
                    .contains("source.on-corrupt-object skip"));
    assertThat(output.resolve("_sluice/report.json")).doesNotExist();
  }

  @Test
  void withSkipTheRestOfACorruptObjectIsOneCountedRejectionAndTheOthersAreWritten()
      throws Exception {
    writeGoodAndTruncatedGzip();

    RunResult result =
        new SluiceRun(
                config("csv", Map.of("schema.label", "y", "source.on-corrupt-object", "skip")))
            .run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    List<JsonNode> corrupt =
        out.rejected().stream()
            .filter(r -> r.get("reason").asText().equals("corrupt_object"))
            .toList();
    assertThat(corrupt)
        .singleElement()
        .satisfies(
            r -> assertThat(r.get("message").asText()).contains("cut.csv.gz is corrupt: read "));
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(result.rowsWritten()).isEqualTo(result.rowsRead() - 1);
    assertThat(result.rowsWritten()).isGreaterThan(10);
    assertThat(result.balanced()).isTrue();
    assertThat(out.report().at("/rejected_by_reason/corrupt_object").asLong()).isEqualTo(1);
  }

  @Test
  void latin1IdsAreRejectedAsInvalidUtf8InsteadOfMergingIntoOneGroup() throws Exception {
    String rows = "speaker,x\nJos\u00e9,1\nJos\u00e8,2\nAna,3\nBen,4\n";
    Files.write(input.resolve("speakers.csv"), rows.getBytes(StandardCharsets.ISO_8859_1));

    RunResult result =
        new SluiceRun(config("csv", Map.of("schema.group", "speaker", "split.strategy", "group")))
            .run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    assertThat(out.rejected())
        .extracting(r -> r.get("reason").asText() + "@" + r.get("line").asInt())
        .containsExactlyInAnyOrder("invalid_utf8@2", "invalid_utf8@3");
    assertThat(result.rowsWritten()).isEqualTo(2);
  }

  @Test
  void aRowOfOnlyTabsIsReadCountedAndRejectedLikeTheSameRowInCsv() throws Exception {
    Files.writeString(input.resolve("rows.tsv"), "y\ta\tb\n1\t2\t3\n\t\t\n0\t4\t5\n");

    RunResult result =
        new SluiceRun(config("csv", Map.of("schema.label", "y", "source.csv.delimiter", "\t")))
            .run();

    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(result.rowsWritten()).isEqualTo(2);
  }

  @Test
  void vectorsOfAnotherLengthThanTheObjectsFirstAreRejectedAsWrongDimension() throws Exception {
    Files.writeString(
        input.resolve("v.jsonl"),
        "{\"v\":[1,2,3]}\n{\"v\":[1]}\n{\"v\":[]}\n{\"v\":[1,2,3,4,5]}\n{\"v\":[4,5,6]}\n");

    RunResult result = new SluiceRun(config("jsonl", Map.of("schema.features", "v"))).run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    assertThat(out.rejected())
        .extracting(r -> r.get("reason").asText())
        .containsOnly("wrong_dimension")
        .hasSize(3);
    assertThat(result.rowsWritten()).isEqualTo(2);
  }

  @Test
  void objectsWhoseRowsDifferInLengthFailTheRunInsteadOfSharingAChannel() throws Exception {
    // Each object's first row fixes its dimension; two objects of 3 and 2 features cannot both be
    // the same channel's matrix, and which came first depends on the readers, so nothing is chosen.
    Files.writeString(input.resolve("a.csv"), "y,f1,f2,f3\n1,1,2,3\n0,4,5,6\n");
    Files.writeString(input.resolve("b.csv"), "y,f1,f2\n1,1,2\n0,4,5\n");

    assertThatThrownBy(
            () ->
                new SluiceRun(
                        config("csv", Map.of("schema.label", "y", "split.fractions", "1,0,0")))
                    .run())
        .satisfies(
            e ->
                assertThat(SluiceRun.RunFailedException.innermostMessage(e))
                    .contains("channel train mixes feature dimensions 2 to 3")
                    .contains("schema.feature-dimension"));
    assertThat(output.resolve("_sluice/failed-report.json")).exists();
    assertThat(output.resolve("_sluice/report.json")).doesNotExist();
    assertThat(new ChannelOutput(output.toUri().toString()).records("train")).isEmpty();
  }

  @Test
  void millisecondsReadAsEpochSecondsStopTheRunBeforeItPublishes() throws Exception {
    StringBuilder rows = new StringBuilder("ts,x\n");
    for (int i = 0; i < 20; i++) {
      rows.append(1_700_000_000_000L + i * 60_000L).append(',').append(i).append('\n');
    }
    Files.writeString(input.resolve("events.csv"), rows.toString());

    assertThatThrownBy(
            () ->
                new SluiceRun(
                        config(
                            "csv",
                            Map.of(
                                "schema.timestamp", "ts",
                                "schema.timestamp-format", "epoch-seconds")))
                    .run())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("every event time lies outside the plausible window")
        .hasMessageContaining("set schema.timestamp-format epoch-millis");
    assertThat(output.resolve("_sluice/report.json")).doesNotExist();
  }
}
