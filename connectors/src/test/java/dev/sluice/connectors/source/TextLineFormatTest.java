package dev.sluice.connectors.source;

import static dev.sluice.connectors.source.BulkFormatReading.readAll;
import static dev.sluice.connectors.source.BulkFormatReading.readWithRestoreAfter;
import static dev.sluice.connectors.source.BulkFormatReading.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    return TextLineFormat.forFormat(
        SourceFormat.CSV, TextReading.defaults(header), OnCorruptObject.FAIL);
  }

  static TextLineFormat jsonLines() {
    return TextLineFormat.forFormat(
        SourceFormat.JSONL, TextReading.defaults(false), OnCorruptObject.FAIL);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void emitsEachLineWithTheObjectUriAndItsOneBasedLineNumber() throws Exception {
    Path file = write("a.jsonl", "{\"a\":1}\n{\"a\":2}\r\n{\"a\":3}");
    List<RawRow> rows = readAll(new TextLineFormat(false), split(file));

    String object = new org.apache.flink.core.fs.Path(file.toUri()).toUri().toString();
    assertThat(rows)
        .containsExactly(
            new RawRow(object, 1, "{\"a\":1}", null),
            new RawRow(object, 2, "{\"a\":2}", null),
            new RawRow(object, 3, "{\"a\":3}", null));
  }

  @Test
  void skipsEmptyLinesButKeepsCountingThem() throws Exception {
    Path file = write("b.csv", "h1,h2\n\n1,2\n\r\n3,4\n\n");
    List<RawRow> rows = readAll(new TextLineFormat(true), split(file));

    assertThat(rows).extracting(r -> r.line).containsExactly(3L, 5L);
    assertThat(rows).extracting(r -> r.text).containsExactly("1,2", "3,4");
  }

  @Test
  void emitsALineOfOnlyTabsSpacesOrDelimitersAsARowInEveryFormat() throws Exception {
    Path tsv = write("tabs.tsv", "a\tb\tc\n1\t2\t3\n\t\t\n4\t5\t6\n");
    assertThat(readAll(new TextLineFormat(true), split(tsv)))
        .extracting(r -> r.text)
        .containsExactly("1\t2\t3", "\t\t", "4\t5\t6");
    Path csv = write("commas.csv", "a,b,c\n,,\n");
    assertThat(readAll(new TextLineFormat(true), split(csv)))
        .extracting(r -> r.text)
        .containsExactly(",,");
    Path jsonl = write("spaces.jsonl", "{}\n   \n");
    assertThat(readAll(new TextLineFormat(false), split(jsonl)))
        .extracting(r -> r.text)
        .containsExactly("{}", "   ");
  }

  @Test
  void marksALineThatIsNotUtf8AsDefectiveInsteadOfMergingItWithAnother() throws Exception {
    Path file = dir.resolve("latin1.csv");
    byte[] latin1 = "id\nJos\u00e9\nJos\u00e8\nJos\uFFFD\n".getBytes(StandardCharsets.ISO_8859_1);
    // The last id is a real U+FFFD, written as UTF-8: valid text, kept as it is.
    byte[] realReplacement = "Jos\uFFFD\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[latin1.length - 5 + realReplacement.length];
    System.arraycopy(latin1, 0, content, 0, latin1.length - 5);
    System.arraycopy(realReplacement, 0, content, latin1.length - 5, realReplacement.length);
    Files.write(file, content);

    List<RawRow> rows = readAll(new TextLineFormat(true), split(file));

    assertThat(rows)
        .extracting(r -> r.defect)
        .containsExactly("invalid_utf8", "invalid_utf8", null);
    assertThat(rows.get(2).text).isEqualTo("Jos\uFFFD");
  }

  @Test
  void attachesAJsonLinesObjectsFirstLineToEveryRowAsItsReference() throws Exception {
    Path file = write("ref.jsonl", "\n{\"a\":1}\n{\"a\":2}\n");
    List<RawRow> rows =
        readAll(
            new TextLineFormat(TextLineFormat.FirstLine.REFERENCE_ROW, OnCorruptObject.FAIL),
            split(file));

    assertThat(rows).extracting(r -> r.text).containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(rows).extracting(r -> r.header).containsOnly("{\"a\":1}");
  }

  private Path truncatedGzip(String name, int lines) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < lines; i++) {
        out.write(("{\"i\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = bytes.toByteArray();
    Path file = dir.resolve(name);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    return file;
  }

  @Test
  void failsOnATruncatedGzipNamingTheObjectAndHowManyLinesWereRead() throws Exception {
    Path file = truncatedGzip("cut.jsonl.gz", 20_000);

    assertThatThrownBy(() -> readAll(new TextLineFormat(false), split(file)))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("cut.jsonl.gz is corrupt: read ")
        .hasMessageContaining("lines of it, then \"Unexpected end of ZLIB input stream\"")
        .hasMessageContaining("source.on-corrupt-object skip");
  }

  @Test
  void failsOnAGzNameThatIsNotGzip() throws Exception {
    Path file = write("plain.csv.gz", "a,b\n1,2\n");

    assertThatThrownBy(() -> readAll(new TextLineFormat(true), split(file)))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("plain.csv.gz is corrupt: read 0 lines, then \"Not in GZIP format\"");
  }

  @Test
  void failsOnACorruptGzipTrailer() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write("a\n1\n".getBytes(StandardCharsets.UTF_8));
    }
    byte[] content = bytes.toByteArray();
    content[content.length - 8] ^= 0x55; // the CRC32 of the trailer
    Path file = dir.resolve("crc.csv.gz");
    Files.write(file, content);

    assertThatThrownBy(() -> readAll(new TextLineFormat(true), split(file)))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("crc.csv.gz is corrupt")
        .hasMessageContaining("Corrupt GZIP trailer");
  }

  @Test
  void withSkipKeepsWhatWasReadAndEndsTheObjectWithOneCorruptObjectRow() throws Exception {
    Path file = truncatedGzip("cut.jsonl.gz", 20_000);
    TextLineFormat skipping =
        new TextLineFormat(TextLineFormat.FirstLine.ROW, OnCorruptObject.SKIP);

    List<RawRow> rows = readAll(skipping, split(file));

    RawRow last = rows.get(rows.size() - 1);
    assertThat(rows.subList(0, rows.size() - 1)).allMatch(r -> r.defect == null);
    assertThat(last.defect).isEqualTo("corrupt_object");
    assertThat(last.line).isEqualTo(rows.size());
    assertThat(last.text).contains("cut.jsonl.gz is corrupt: read " + (rows.size() - 1) + " lines");
    assertThat(readWithRestoreAfter(skipping, split(file), rows.size() / 2)).isEqualTo(rows);
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
