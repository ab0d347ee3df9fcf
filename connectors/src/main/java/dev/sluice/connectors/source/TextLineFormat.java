package dev.sluice.connectors.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Reads text objects (CSV, JSON Lines, LibSVM) line by line into {@link RawRow}s that carry the
 * object URI and the 1-based line number.
 *
 * <ul>
 *   <li>One split per object: objects are not splittable, so line numbers are exact.
 *   <li>UTF-8; lines end in {@code \n} or {@code \r\n}. Objects whose name ends in {@code .gz} are
 *       gunzipped transparently.
 *   <li>Blank lines (empty or only whitespace) are skipped, but still counted, so line numbers stay
 *       those of the object. A trailing newline therefore yields no extra row.
 *   <li>With {@code csvHeader}, the first non-blank line is the header: it is not emitted but is
 *       attached to every row of that object (the same {@code String} instance).
 *   <li>A quoted CSV field may not span lines: each line is one row.
 * </ul>
 *
 * <p>The checkpointed position is the number of rows emitted from the split (with no byte offset,
 * which a gzip stream could not seek to anyway); a restored reader reads the object again from the
 * start and skips exactly that many rows.
 */
public final class TextLineFormat implements BulkFormat<RawRow, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  /** Rows handed over per batch: large enough to amortise the hand-over, small for latency. */
  static final int BATCH_SIZE = 1024;

  private final boolean csvHeader;

  /**
   * A format for text lines.
   *
   * @param csvHeader whether the first non-blank line of each object is a CSV header
   */
  public TextLineFormat(boolean csvHeader) {
    this.csvHeader = csvHeader;
  }

  @Override
  public Reader<RawRow> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new LineRowReader(split, csvHeader, 0);
  }

  @Override
  public Reader<RawRow> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new LineRowReader(split, csvHeader, emitted);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<RawRow> getProducedType() {
    return rawRowType();
  }

  static TypeInformation<RawRow> rawRowType() {
    TypeInformation<RawRow> type = TypeExtractor.createTypeInfo(RawRow.class);
    if (!(type instanceof PojoTypeInfo)) {
      throw new IllegalStateException("RawRow must be a Flink POJO but is analysed as " + type);
    }
    return type;
  }

  /** Opens an object, gunzipping it when its name ends in {@code .gz}. */
  static InputStream open(Path path) throws IOException {
    FileSystem fs = path.getFileSystem();
    InputStream in = fs.open(path);
    if (path.getName().endsWith(".gz")) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    return in;
  }

  /** Line numbers are only right from an object's start; a split of part of it is a bug. */
  static void requireWholeObject(FileSourceSplit split) {
    if (split.offset() != 0) {
      throw new IllegalStateException(
          "Split "
              + split
              + " starts at byte "
              + split.offset()
              + ", but Sluice formats read whole objects; use a non-splitting file enumerator");
    }
  }

  private static final class LineRowReader implements Reader<RawRow> {
    private final String object;
    private final boolean csvHeader;
    private final LineReader lines;
    private String header;
    private boolean headerSeen;
    private long lineNumber;
    private long emitted;

    LineRowReader(FileSourceSplit split, boolean csvHeader, long alreadyEmitted)
        throws IOException {
      requireWholeObject(split);
      Path path = split.path();
      this.object = path.toUri().toString();
      this.csvHeader = csvHeader;
      this.lines = new LineReader(open(path));
      // Re-read the rows emitted before the checkpoint without emitting them again.
      while (emitted < alreadyEmitted) {
        if (nextRow() == null) {
          throw new IOException(
              "Cannot restore reading "
                  + object
                  + ": the checkpoint says "
                  + alreadyEmitted
                  + " rows were emitted, but the object has only "
                  + emitted
                  + " (was it changed while being read?)");
        }
      }
    }

    /** The next row, counted in {@link #emitted}, or {@code null} at the end of the object. */
    private RawRow nextRow() throws IOException {
      String text;
      while ((text = lines.readLine()) != null) {
        lineNumber++;
        if (text.isBlank()) {
          continue;
        }
        if (csvHeader && !headerSeen) {
          headerSeen = true;
          header = text;
          continue;
        }
        emitted++;
        return new RawRow(object, lineNumber, text, header);
      }
      return null;
    }

    @Override
    public RecordIterator<RawRow> readBatch() throws IOException {
      long emittedBefore = emitted;
      RawRow[] batch = new RawRow[BATCH_SIZE];
      int n = 0;
      RawRow row;
      while (n < BATCH_SIZE && (row = nextRow()) != null) {
        batch[n++] = row;
      }
      if (n == 0) {
        return null;
      }
      ArrayResultIterator<RawRow> iterator = new ArrayResultIterator<>();
      // Each record's position is "rows emitted up to and including it"; the iterator adds one
      // per record to the count it starts from.
      iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, emittedBefore);
      return iterator;
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
