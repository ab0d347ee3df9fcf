package dev.sluice.connectors.recordio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java port of how dmlc-core's {@code InputSplit} of type "recordio" (recordio_split.cc,
 * input_split_base.cc) divides one file into parts: that is how SageMaker's algorithms read a file
 * in parallel, so every file Sluice writes must read the same under any number of parts.
 *
 * <p>Part {@code rank} of {@code parts} first gets the byte range {@code [rank * step, (rank + 1) *
 * step)}, with {@code step = ceil(size / parts)} rounded up to a multiple of 4. Both ends then move
 * forward to the next record head: a 4-byte-aligned magic word whose {@code lrec} has cflag 0 or 1
 * ({@code SeekRecordBegin}). The part reads the records whose heads lie in the moved range. An
 * unescaped aligned magic word inside a payload makes this rule cut a record in two; that is why
 * the writer escapes them.
 */
public final class DmlcRecordIOSplit {
  private DmlcRecordIOSplit() {}

  /** The records of part {@code rank} out of {@code parts} of a whole file. */
  public static List<byte[]> readPart(byte[] file, int rank, int parts, String source)
      throws IOException {
    if (parts < 1 || rank < 0 || rank >= parts) {
      throw new IllegalArgumentException(
          "expected 0 <= rank < parts, found rank " + rank + " of " + parts + " parts");
    }
    long step = (file.length + (long) parts - 1) / parts;
    step = (step + 3) & ~3L;
    int begin = (int) Math.min(step * rank, file.length);
    int end = (int) Math.min(step * (rank + 1), file.length);
    return readRange(file, begin, end, source);
  }

  /**
   * The records whose heads are the first record head at or after {@code start}, up to {@code end}.
   */
  public static List<byte[]> readRange(byte[] file, int start, int end, String source)
      throws IOException {
    List<byte[]> records = new ArrayList<>();
    if (start >= end) {
      return records;
    }
    // dmlc seeks only when a boundary falls inside the file, never at its start or end.
    int from = start == 0 ? 0 : seekRecordBegin(file, alignUp(start), source);
    int to = end >= file.length ? file.length : seekRecordBegin(file, alignUp(end), source);
    if (from >= to) {
      return records;
    }
    try (RecordIOReader reader =
        new RecordIOReader(new ByteArrayInputStream(file, from, to - from), source)) {
      while (reader.next()) {
        records.add(reader.record());
      }
    }
    return records;
  }

  /**
   * {@code RecordIOSplitter::SeekRecordBegin}: the first aligned magic word at or after {@code
   * from} followed by cflag 0 or 1, or the end of the file.
   */
  static int seekRecordBegin(byte[] file, int from, String source) throws RecordIOFormatException {
    int p = from;
    while (p + 4 <= file.length) {
      int word = RecordIO.intLE(file, p);
      p += 4;
      if (word == RecordIO.MAGIC) {
        if (p + 4 > file.length) {
          throw new RecordIOFormatException(
              source, p, "expected the length word after a magic word, found the end of the file");
        }
        int cflag = RecordIO.cflag(RecordIO.intLE(file, p));
        p += 4;
        if (cflag == RecordIO.CFLAG_WHOLE || cflag == RecordIO.CFLAG_FIRST) {
          return p - 8;
        }
      }
    }
    return file.length;
  }

  private static int alignUp(int offset) {
    return (offset + 3) & ~3;
  }
}
