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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object cut into byte ranges reads as the same rows, with the same line numbers and header, as
 * the whole object: for every split size from one byte up, so that every boundary case (a range
 * starting on a {@code \n}, between {@code \r} and {@code \n}, inside a blank line, inside the
 * header, at the last line without newline) is met.
 */
class LineSplitReadingTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static List<LineSplit> splits(Path file, long splitSize) throws IOException {
    List<LineSplit> splits = new ArrayList<>();
    for (FileSourceSplit split :
        new LineSplitEnumerator(splitSize)
            .enumerateSplits(new org.apache.flink.core.fs.Path[] {path(file)}, 1)) {
      splits.add((LineSplit) split);
    }
    return splits;
  }

  private static org.apache.flink.core.fs.Path path(Path file) {
    return new org.apache.flink.core.fs.Path(file.toUri());
  }

  private static List<RawRow> readSplits(TextLineFormat format, List<LineSplit> splits)
      throws IOException {
    List<RawRow> rows = new ArrayList<>();
    for (LineSplit split : splits) {
      rows.addAll(readAll(format, split));
    }
    return rows;
  }

  /** Reads the object whole, then cut at every split size up to its length, and compares. */
  private void readsTheSameAtEverySplitSize(Path file, TextLineFormat format) throws IOException {
    List<RawRow> whole = readAll(format, splits(file, Long.MAX_VALUE).get(0));
    long size = Files.size(file);
    for (long splitSize = 1; splitSize <= size + 1; splitSize++) {
      List<LineSplit> splits = splits(file, splitSize);
      long largest = splitSize;
      assertThat(splits).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(largest));
      if (size > splitSize) {
        assertThat(splits).hasSizeGreaterThan(1);
      }
      assertThat(readSplits(format, splits)).as("split size %d", splitSize).isEqualTo(whole);
    }
  }

  @Test
  void rangesReadTheWholeObjectsRowsWithTheirLineNumbersAtEverySplitSize() throws Exception {
    Path file = write("a.jsonl", "{\"a\":1}\n{\"a\":22}\n\n{\"a\":333}\n   \n{\"a\":4}");
    readsTheSameAtEverySplitSize(file, TextLineFormatTest.jsonLines());
    assertThat(readAll(TextLineFormatTest.jsonLines(), split(file)))
        .extracting(r -> r.line)
        .containsExactly(1L, 2L, 4L, 5L, 6L); // a line of spaces is a row (the parser rejects it)
  }

  @Test
  void crlfLinesSplitBetweenCarriageReturnAndNewlineStayWhole() throws Exception {
    Path file = write("b.csv", "h1,h2\r\n1,2\r\n\r\n33,44\r\n5,6\r\n");
    readsTheSameAtEverySplitSize(file, TextLineFormatTest.csv(true));
    assertThat(readAll(TextLineFormatTest.csv(true), split(file)))
        .extracting(r -> r.text)
        .containsExactly("1,2", "33,44", "5,6");
  }

  @Test
  void everyRangeCarriesTheObjectsHeaderAndNeverEmitsIt() throws Exception {
    Path file = write("c.csv", "\ufeff\n\nid,x\n1,2\n3,4\n\n5,6\n7,8");
    readsTheSameAtEverySplitSize(file, TextLineFormatTest.csv(true));
    List<RawRow> rows = readSplits(TextLineFormatTest.csv(true), splits(file, 3));
    assertThat(rows).extracting(r -> r.header).containsOnly("id,x");
    assertThat(rows).extracting(r -> r.line).containsExactly(4L, 5L, 7L, 8L);
  }

  @Test
  void headerlessCsvRowsCarryTheObjectsFirstRowInEveryRange() throws Exception {
    Path file = write("d.csv", "\n1,2,3\n4,5\n6,7,8\n");
    readsTheSameAtEverySplitSize(file, TextLineFormatTest.csv(false));
    assertThat(readSplits(TextLineFormatTest.csv(false), splits(file, 4)))
        .extracting(r -> r.header)
        .containsOnly("1,2,3");
  }

  @Test
  void aLastLineWithoutNewlineAndATrailingNewlineYieldTheSameRows() throws Exception {
    readsTheSameAtEverySplitSize(write("e.jsonl", "1\n2\n3"), TextLineFormatTest.jsonLines());
    readsTheSameAtEverySplitSize(write("f.jsonl", "1\n2\n3\n"), TextLineFormatTest.jsonLines());
    readsTheSameAtEverySplitSize(write("g.jsonl", "\n\n\n"), TextLineFormatTest.jsonLines());
  }

  @Test
  void multiByteCharactersCutByARangeBoundaryAreReadWhole() throws Exception {
    Path file = write("h.csv", "é€😀,1\n€€€,2\n😀😀,3\n");
    readsTheSameAtEverySplitSize(file, TextLineFormatTest.csv(false));
  }

  @Test
  void aRestoredRangeContinuesWithoutLosingOrRepeatingARow() throws Exception {
    StringBuilder content = new StringBuilder("h\n");
    for (int i = 0; i < 20_000; i++) {
      content.append(i).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    Path file = write("i.csv", content.toString());
    TextLineFormat format = TextLineFormatTest.csv(true);
    List<LineSplit> splits = splits(file, 16_384);
    assertThat(splits).hasSizeGreaterThan(3);
    LineSplit middle = splits.get(2);
    List<RawRow> all = readAll(format, middle);
    assertThat(all).hasSizeGreaterThan(1025);
    for (long before : new long[] {0, 1, 1024, 1025, all.size()}) {
      assertThat(readWithRestoreAfter(format, middle, before)).isEqualTo(all);
    }
  }

  @Test
  void gzipObjectsAreOneRangeWhateverTheirSize() throws Exception {
    Path file = dir.resolve("j.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 1000; i++) {
        out.write((i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    List<LineSplit> splits = splits(file, 16);
    assertThat(splits).hasSize(1);
    assertThat(readAll(TextLineFormatTest.csv(true), splits.get(0))).hasSize(999);
  }

  @Test
  void quotedFieldsMaySpanLinesWhenDeclaredAndTheRowKeepsItsFirstLineNumber() throws Exception {
    Path file =
        write("k.csv", "id,note\n1,\"two\r\nlines\"\n2,\"a \"\"quote\"\"\n\nand a blank\"\n3,x\n");
    TextReading reading = TextReading.defaults(true).withQuotedNewlines(true).withSplitSize(4);
    assertThat(reading.splitSizeFor(SourceFormat.CSV)).isEqualTo(Long.MAX_VALUE);
    List<RawRow> rows =
        readAll(
            TextLineFormat.forFormat(SourceFormat.CSV, reading, OnCorruptObject.FAIL), split(file));
    assertThat(rows).extracting(r -> r.line).containsExactly(2L, 4L, 7L);
    assertThat(rows)
        .extracting(r -> r.text)
        .containsExactly("1,\"two\nlines\"", "2,\"a \"\"quote\"\"\n\nand a blank\"", "3,x");
  }
}
