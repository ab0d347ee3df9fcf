package dev.sluice.connectors.source;

import static dev.sluice.connectors.source.BulkFormatReading.readAll;
import static dev.sluice.connectors.source.BulkFormatReading.readWithRestoreAfter;
import static dev.sluice.connectors.source.BulkFormatReading.split;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLineFormatTest {

  @TempDir Path dir;

  static TextLineFormat csv(boolean header) {
    return TextLineFormat.forFormat(SourceFormat.CSV, TextReading.defaults(header));
  }

  static TextLineFormat jsonLines() {
    return TextLineFormat.forFormat(SourceFormat.JSONL, TextReading.defaults(false));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void emitsEachLineWithTheObjectUriAndItsOneBasedLineNumber() throws Exception {
    Path file = write("a.jsonl", "{\"a\":1}\n{\"a\":2}\r\n{\"a\":3}");
    List<RawRow> rows = readAll(jsonLines(), split(file));

    String object = new org.apache.flink.core.fs.Path(file.toUri()).toUri().toString();
    assertThat(rows)
        .containsExactly(
            new RawRow(object, 1, "{\"a\":1}", null),
            new RawRow(object, 2, "{\"a\":2}", null),
            new RawRow(object, 3, "{\"a\":3}", null));
  }

  @Test
  void skipsBlankLinesButKeepsCountingThem() throws Exception {
    Path file = write("b.csv", "h1,h2\n\n1,2\n   \r\n3,4\n\n");
    List<RawRow> rows = readAll(csv(true), split(file));

    assertThat(rows).extracting(r -> r.line).containsExactly(3L, 5L);
    assertThat(rows).extracting(r -> r.text).containsExactly("1,2", "3,4");
  }

  @Test
  void attachesTheSameHeaderInstanceToEveryRowOfAnObject() throws Exception {
    Path file = write("c.csv", "\ufeffid,x\r\n1,2\r\n3,4\r\n");
    List<RawRow> rows = readAll(csv(true), split(file));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).header).isEqualTo("id,x");
    assertThat(rows.get(1).header).isSameAs(rows.get(0).header);
    assertThat(rows).extracting(r -> r.line).containsExactly(2L, 3L);
  }

  @Test
  void keepsALoneCarriageReturnAndNonAsciiText() throws Exception {
    Path file = write("d.csv", "a\rb,é€😀\n");
    assertThat(readAll(csv(false), split(file)))
        .extracting(r -> r.text)
        .containsExactly("a\rb,é€😀");
  }

  @Test
  void readsLinesLongerThanTheBuffer() throws Exception {
    String longLine = "x".repeat(200_000);
    Path file = write("e.csv", "1\n" + longLine + "\n2");
    assertThat(readAll(csv(false), split(file)))
        .extracting(r -> r.text)
        .containsExactly("1", longLine, "2");
  }

  @Test
  void gunzipsObjectsEndingInGz() throws Exception {
    Path file = dir.resolve("f.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("h\n1\n2\n".getBytes(StandardCharsets.UTF_8));
    }
    List<RawRow> rows = readAll(csv(true), split(file));
    assertThat(rows).extracting(r -> r.text).containsExactly("1", "2");
    assertThat(rows).extracting(r -> r.line).containsExactly(2L, 3L);
    assertThat(rows.get(0).object).endsWith("f.csv.gz");
  }

  @Test
  void restoredReadersContinueWithoutLosingOrRepeatingARow() throws Exception {
    StringBuilder content = new StringBuilder("h1,h2\n");
    for (int i = 1; i <= 2500; i++) {
      content.append(i).append(",x\n");
      if (i % 97 == 0) {
        content.append('\n');
      }
    }
    Path file = write("g.csv", content.toString());
    TextLineFormat format = csv(true);
    List<RawRow> all = readAll(format, split(file));
    assertThat(all).hasSize(2500);

    for (long before : new long[] {0, 1, 500, 1023, 1024, 1025, 2048, 2499, 2500}) {
      assertThat(readWithRestoreAfter(format, split(file), before))
          .as("restored after %d rows", before)
          .isEqualTo(all);
    }
  }

  @Test
  void restoresGzipObjectsToo() throws Exception {
    Path file = dir.resolve("h.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 3000; i++) {
        out.write(("{\"i\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    TextLineFormat format = jsonLines();
    List<RawRow> all = readAll(format, split(file));
    assertThat(readWithRestoreAfter(format, split(file), 1500)).isEqualTo(all);
  }

  @Test
  void isSplittableAndProducesAPojoType() {
    TextLineFormat format = jsonLines();
    assertThat(format.isSplittable()).isTrue();
    assertThat(format.getProducedType())
        .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
  }
}
