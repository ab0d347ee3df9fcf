package dev.sluice.connectors.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connectors.protobuf.RecordEncoder;
import dev.sluice.connectors.recordio.RecordIOWriter;
import dev.sluice.connectors.testing.GoldenCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path tmp;

  @Test
  void printsEveryRecordAsAJsonLineInTheGoldenShape() throws IOException {
    assertThat(inspect(GoldenCorpus.rec("bytes-audio").toString())).isZero();
    List<JsonNode> expected = new ArrayList<>();
    for (ObjectNode line : GoldenCorpus.expected("bytes-audio")) {
      line.remove("payload_hex");
      expected.add(line);
    }
    assertThat(jsonLines()).containsExactlyElementsOf(expected);
    assertThat(err()).isEmpty();
  }

  @Test
  void helpPrintsTheUsageAndEveryOptionAndExitsZero() {
    for (String help : List.of("--help", "-h")) {
      out.reset();
      assertThat(inspect(help)).as(help).isZero();
      assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
          .startsWith(Inspect.USAGE)
          .contains("--limit N")
          .contains("--summary")
          .contains("--s3.KEY VALUE");
    }
    assertThat(err()).isEmpty();
  }

  @Test
  void limitPrintsOnlyTheFirstRecords() {
    assertThat(inspect(GoldenCorpus.rec("many-2000").toString(), "--limit", "3")).isZero();
    assertThat(lines()).hasSize(3);
    assertThat(lines().get(2)).contains("\"uid\":\"row00002\"");
  }

  @Test
  void summaryCountsFilesRecordsBytesFeaturesAndLabels() {
    assertThat(inspect(GoldenCorpus.rec("dense-float32").toString(), "--summary")).isZero();
    assertThat(lines())
        .containsExactly(
            "files: 1",
            "records: 5",
            "bytes: 700",
            "escaped records: 0",
            "label present: yes (5 of 5 records)",
            "feature values: float32 dense, dimension 5 (5 records)",
            "label values: float32 dense, dimension 1 (5 records)");
  }

  @Test
  void summaryReportsSparseDimensionsAndEscapedRecords() {
    assertThat(inspect(GoldenCorpus.rec("sparse-float32").toString(), "--summary")).isZero();
    assertThat(lines()).contains("feature values: float32 sparse, dimension 1000 (3 records)");
    out.reset();
    assertThat(inspect(GoldenCorpus.rec("magic-in-float").toString(), "--summary")).isZero();
    assertThat(lines()).contains("escaped records: 1", "bytes: 124");
  }

  @Test
  void anAllZeroSparseVectorCountsAsSparseWithItsDimension() throws IOException {
    RecordEncoder encoder = new RecordEncoder();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    RecordIOWriter writer = new RecordIOWriter(file);
    encoder
        .reset()
        .sparseFeature(RecordEncoder.DEFAULT_NAME, new float[0], new long[0], 0, 0, 1000);
    writer.write(encoder.array(), 0, encoder.length());
    encoder
        .reset()
        .sparseFeature(RecordEncoder.DEFAULT_NAME, new float[] {1f}, new long[] {7}, 0, 1, 1000);
    writer.write(encoder.array(), 0, encoder.length());
    Path shard = tmp.resolve("zeros.rec");
    Files.write(shard, file.toByteArray());

    assertThat(inspect(shard.toString(), "--summary")).isZero();
    assertThat(lines()).contains("feature values: float32 sparse, dimension 1000 (2 records)");
  }

  @Test
  void aFolderOfShardsIsReadRecursivelyInNameOrderSkippingHiddenAndUnderscoreFiles()
      throws IOException {
    Files.copy(GoldenCorpus.rec("unlabelled"), tmp.resolve("part-1.rec"));
    Files.copy(GoldenCorpus.rec("dense-float64"), tmp.resolve("part-0.rec"));
    Files.createDirectory(tmp.resolve("more"));
    Files.copy(GoldenCorpus.rec("sparse-float32"), tmp.resolve("more").resolve("part-2.rec"));
    Files.writeString(tmp.resolve("_SUCCESS"), "not records");
    Files.writeString(tmp.resolve(".part-0.rec.crc"), "not records");
    Files.createDirectory(tmp.resolve("_temporary"));
    Files.writeString(tmp.resolve("_temporary").resolve("part-9.rec"), "not records");

    assertThat(inspect(tmp.toString())).isZero();
    assertThat(jsonLines().stream().map(j -> j.get("uid").asText()))
        .as("more/part-2.rec sorts before part-0.rec")
        .containsExactly("s0", "s1", "s2", "r0", "r1", "r2", "u0", "u1", "u2");

    out.reset();
    assertThat(inspect(tmp.toString(), "--summary")).isZero();
    assertThat(lines())
        .startsWith("files: 3", "records: 9", "bytes: " + (228 + 132 + 216))
        .contains("label present: yes (6 of 9 records)");
  }

  @Test
  void aTruncatedFileExitsOneNamingTheFileAndOffset() throws IOException {
    byte[] whole = GoldenCorpus.recBytes("dense-float32");
    Path bad = tmp.resolve("bad.rec");
    Files.write(bad, Arrays.copyOf(whole, 300));

    assertThat(inspect(bad.toString(), "--summary")).isEqualTo(1);
    assertThat(err())
        .startsWith("inspect: file:" + bad)
        .contains("at byte offset 300: expected ")
        .contains("payload bytes for the chunk at byte offset 280");
  }

  @Test
  void aPayloadThatIsNotARecordExitsOneNamingTheFileAndTheRecordsOffset() {
    assertThat(inspect(GoldenCorpus.rec("framing-escapes").toString())).isEqualTo(1);
    assertThat(err())
        .contains("framing-escapes.rec at byte offset 8: ")
        .contains("expected the record there to be an aialgs.data.Record protobuf");
    assertThat(lines()).hasSize(1); // the empty payload is an empty Record
  }

  @Test
  void aMissingPathExitsOneNamingIt() {
    assertThat(inspect(tmp.resolve("nope").toString())).isEqualTo(1);
    assertThat(err()).startsWith("inspect: ").contains("nope");
  }

  @Test
  void usageErrorsExitTwoWithTheUsageLine() {
    assertThat(inspect()).isEqualTo(2);
    assertThat(err()).contains("expected a PATH").endsWith(Inspect.USAGE + System.lineSeparator());
    for (String[] args :
        List.of(
            new String[] {"x.rec", "--limit"},
            new String[] {"x.rec", "--limit", "-1"},
            new String[] {"x.rec", "--limit", "many"},
            new String[] {"x.rec", "--verbose"},
            new String[] {"x.rec", "y.rec"})) {
      err.reset();
      assertThat(inspect(args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err()).contains(Inspect.USAGE);
    }
  }

  private int inspect(String... args) {
    return Inspect.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> lines() {
    String text = out.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split(System.lineSeparator()));
  }

  private List<JsonNode> jsonLines() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines()) {
      nodes.add(mapper.readTree(line));
    }
    return nodes;
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
