package dev.sluice.connectors.source;

import static dev.sluice.connectors.source.BulkFormatReading.readAll;
import static dev.sluice.connectors.source.BulkFormatReading.readWithRestoreAfter;
import static dev.sluice.connectors.source.BulkFormatReading.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroRowFormatTest {

  static final Schema SCHEMA =
      SchemaBuilder.record("Sample")
          .fields()
          .requiredString("id")
          .requiredDouble("label")
          .name("features")
          .type()
          .array()
          .items()
          .floatType()
          .noDefault()
          .optionalString("group")
          .endRecord();

  @TempDir Path dir;

  /** Writes {@code n} records {@code id=r<i>, label=i, features=[i, i/2], group=g<i%3>}. */
  static void writeAvro(File file, int n) throws IOException {
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SCHEMA))) {
      writer.setSyncInterval(1024);
      writer.create(SCHEMA, file);
      for (int i = 0; i < n; i++) {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("id", "r" + i);
        record.put("label", (double) i);
        record.put("features", List.of((float) i, i / 2f));
        record.put("group", "g" + (i % 3));
        writer.append(record);
      }
    }
  }

  @Test
  void emitsOneJsonRowPerRecordNumberedFromOne() throws Exception {
    File file = dir.resolve("s.avro").toFile();
    writeAvro(file, 3);
    List<RawRow> rows = readAll(new AvroRowFormat(), split(file.toPath()));

    assertThat(rows).extracting(r -> r.line).containsExactly(1L, 2L, 3L);
    // The file's first record rides along: it fixes the dimension of every record of the file.
    assertThat(rows).allSatisfy(r -> assertThat(r.header).isEqualTo(rows.get(0).text));
    JsonNode third = new ObjectMapper().readTree(rows.get(2).text);
    assertThat(third.get("id").asText()).isEqualTo("r2");
    assertThat(third.get("label").asDouble()).isEqualTo(2.0);
    assertThat(third.get("features").get(1).asDouble()).isEqualTo(1.0);
    assertThat(third.get("group").asText()).isEqualTo("g2");
  }

  @Test
  void restoredReadersContinueWithoutLosingOrRepeatingARecord() throws Exception {
    File file = dir.resolve("t.avro").toFile();
    writeAvro(file, 2100);
    AvroRowFormat format = new AvroRowFormat();
    List<RawRow> all = readAll(format, split(file.toPath()));
    assertThat(all).hasSize(2100);
    for (long before : new long[] {0, 1, 1024, 1500, 2100}) {
      assertThat(readWithRestoreAfter(format, split(file.toPath()), before)).isEqualTo(all);
    }
  }

  private Path truncatedAvro() throws IOException {
    File whole = dir.resolve("whole.avro").toFile();
    writeAvro(whole, 2100);
    byte[] bytes = java.nio.file.Files.readAllBytes(whole.toPath());
    Path cut = dir.resolve("cut.avro");
    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    return cut;
  }

  @Test
  void failsOnATruncatedFileNamingItAndHowManyRecordsWereRead() throws Exception {
    Path cut = truncatedAvro();

    assertThatThrownBy(() -> readAll(new AvroRowFormat(), split(cut)))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("cut.avro is corrupt: read ")
        .hasMessageContaining("records of it, then")
        .hasMessageContaining("source.on-corrupt-object skip");
  }

  @Test
  void withSkipKeepsTheRecordsReadAndEndsWithOneCorruptObjectRow() throws Exception {
    Path cut = truncatedAvro();

    List<RawRow> rows = readAll(new AvroRowFormat(OnCorruptObject.SKIP), split(cut));

    RawRow last = rows.get(rows.size() - 1);
    assertThat(last.defect).isEqualTo("corrupt_object");
    assertThat(last.text).contains("cut.avro is corrupt: read " + (rows.size() - 1) + " records");
    assertThat(rows.subList(0, rows.size() - 1)).allMatch(r -> r.defect == null);
  }

  @Test
  void failsOnAFileThatIsNotAvro() throws Exception {
    Path notAvro = dir.resolve("text.avro");
    java.nio.file.Files.writeString(notAvro, "id,label\n1,2\n");

    assertThatThrownBy(() -> readAll(new AvroRowFormat(), split(notAvro)))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("text.avro is corrupt: read 0 records");
  }
}
