package dev.sluice.connectors.recordio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.connectors.testing.GoldenCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden files written by dmlc-core itself: our reader and writer agree with it exactly. */
class RecordIOGoldenTest {

  static List<String> allFiles() {
    return GoldenCorpus.names();
  }

  static List<String> dmlcFiles() {
    return GoldenCorpus.names().stream().filter(n -> !n.endsWith(".sdk-style")).toList();
  }

  @ParameterizedTest
  @MethodSource("allFiles")
  void readerDecodesEveryGoldenFileToExactlyTheListedPayloads(String name) throws IOException {
    assertThat(hex(readAll(GoldenCorpus.recBytes(name), name)))
        .containsExactlyElementsOf(hex(GoldenCorpus.expectedPayloads(name)));
  }

  @ParameterizedTest
  @MethodSource("dmlcFiles")
  void writerReproducesEveryDmlcFileByteForByte(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordIOWriter writer = new RecordIOWriter(out);
    int escapes = 0;
    for (byte[] payload : GoldenCorpus.expectedPayloads(name)) {
      escapes +=
          RecordIOWriter.writeRecord(new ByteArrayOutputStream(), payload, 0, payload.length);
      writer.write(payload);
    }
    assertThat(HexFormat.of().formatHex(out.toByteArray()))
        .isEqualTo(HexFormat.of().formatHex(GoldenCorpus.recBytes(name)));
    assertThat(writer.bytes()).isEqualTo(out.size());
    assertThat(escapes).isEqualTo(GoldenCorpus.dmlcEscapes(name));
  }

  @Test
  void theCorpusHoldsEveryFileItsIndexListsWithTheListedNumberOfRecords() throws IOException {
    JsonNode index =
        new ObjectMapper().readTree(GoldenCorpus.folder().resolve("index.json").toFile());
    List<String> indexed = new ArrayList<>();
    index.fieldNames().forEachRemaining(indexed::add);

    assertThat(allFiles()).containsExactlyInAnyOrderElementsOf(indexed);
    for (String name : indexed) {
      assertThat(readAll(GoldenCorpus.recBytes(name), name))
          .as("records in %s.rec", name)
          .hasSize(index.get(name).get("records").asInt());
    }
  }

  @Test
  void readerCountsEscapedRecords() throws IOException {
    RecordIOReader reader = reader(GoldenCorpus.recBytes("magic-in-float"), "magic-in-float.rec");
    while (reader.next()) {}
    assertThat(reader.records()).isEqualTo(2);
    assertThat(reader.escapedRecords()).isEqualTo(1);
  }

  @Test
  void sdkStyleFileReadsTheSameRecordsAsTheEscapedOneButIsNotWhatTheWriterProduces()
      throws IOException {
    byte[] sdk = GoldenCorpus.recBytes("magic-in-float.sdk-style");
    RecordIOReader reader = reader(sdk, "sdk");
    List<byte[]> records = new ArrayList<>();
    while (reader.next()) {
      records.add(reader.record());
    }
    assertThat(hex(records))
        .containsExactlyElementsOf(hex(readAll(GoldenCorpus.recBytes("magic-in-float"), "dmlc")));
    assertThat(reader.escapedRecords()).isZero();
    assertThat(GoldenCorpus.recBytes("magic-in-float")).isNotEqualTo(sdk);
  }

  @Test
  void dmlcInputSplitOverFourPartsSeesFiveHundredRecordsEachAndEveryRecordOnce()
      throws IOException {
    byte[] file = GoldenCorpus.recBytes("many-2000");
    List<byte[]> all = new ArrayList<>();
    for (int rank = 0; rank < 4; rank++) {
      List<byte[]> part = DmlcRecordIOSplit.readPart(file, rank, 4, "many-2000.rec");
      assertThat(part).as("part %d", rank).hasSize(500);
      all.addAll(part);
    }
    assertThat(hex(all)).containsExactlyElementsOf(hex(GoldenCorpus.expectedPayloads("many-2000")));
  }

  @ParameterizedTest
  @MethodSource("dmlcFiles")
  void dmlcFilesReadTheSameUnderAnyNumberOfParts(String name) throws IOException {
    byte[] file = GoldenCorpus.recBytes(name);
    for (int parts = 1; parts <= 9; parts++) {
      List<byte[]> all = new ArrayList<>();
      for (int rank = 0; rank < parts; rank++) {
        all.addAll(DmlcRecordIOSplit.readPart(file, rank, parts, name));
      }
      assertThat(hex(all))
          .as("%d parts", parts)
          .containsExactlyElementsOf(hex(GoldenCorpus.expectedPayloads(name)));
    }
  }

  static List<byte[]> readAll(byte[] file, String source) throws IOException {
    List<byte[]> records = new ArrayList<>();
    try (RecordIOReader reader = reader(file, source)) {
      while (reader.next()) {
        records.add(reader.record());
      }
    }
    return records;
  }

  static RecordIOReader reader(byte[] file, String source) {
    return new RecordIOReader(new ByteArrayInputStream(file), source);
  }

  static List<String> hex(List<byte[]> payloads) {
    return payloads.stream().map(HexFormat.of()::formatHex).toList();
  }
}
