package dev.sluice.connectors.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
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
 *   <li>Empty lines are skipped in every format, but still counted, so line numbers stay those of
 *       the object; a trailing newline therefore yields no extra row. Any other line is a row, even
 *       one of only spaces, tabs or delimiters: it is read, counted, and rejected by the parser if
 *       it is not a valid row.
 *   <li>With {@link FirstLine#CSV_HEADER}, the first non-empty line is the header: it is not
 *       emitted but is attached to every row of that object (the same {@code String} instance).
 *       With {@link FirstLine#REFERENCE_ROW} (JSON Lines) the first non-empty line is a row and is
 *       also attached to every row as the reference that fixes feature names, order and dimension.
 *   <li>A quoted CSV field may not span lines: each line is one row.
 *   <li>A line that is not valid UTF-8 is emitted as a row with the defect {@code invalid_utf8}.
 *   <li>An object that cannot be read to its end (a truncated or corrupt {@code .gz}) fails the
 *       read with a {@link CorruptObjectException} naming it and how many lines were read, or with
 *       {@link OnCorruptObject#SKIP} ends with one row with the defect {@code corrupt_object}.
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

  /** What the first non-empty line of an object is. */
  public enum FirstLine {
    /** A row like any other. */
    ROW,
    /** A CSV header: not emitted, attached to every row. */
    CSV_HEADER,
    /** A row, and also attached to every row of the object as its reference (JSON Lines). */
    REFERENCE_ROW
  }

  private final FirstLine firstLine;
  private final OnCorruptObject onCorrupt;

  /**
   * A format for text lines that fails on a corrupt object.
   *
   * @param csvHeader whether the first non-empty line of each object is a CSV header
   */
  public TextLineFormat(boolean csvHeader) {
    this(csvHeader ? FirstLine.CSV_HEADER : FirstLine.ROW, OnCorruptObject.FAIL);
  }

  /** A format for text lines. */
  public TextLineFormat(FirstLine firstLine, OnCorruptObject onCorrupt) {
    this.firstLine = firstLine;
    this.onCorrupt = onCorrupt;
  }

  @Override
  public Reader<RawRow> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new LineRowReader(split, firstLine, onCorrupt, 0);
  }

  @Override
  public Reader<RawRow> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new LineRowReader(split, firstLine, onCorrupt, emitted);
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
    private final FirstLine firstLine;
    private final OnCorruptObject onCorrupt;
    private LineReader lines;
    private String header;
    private boolean firstSeen;
    private long lineNumber;
    private long emitted;
    private IOException openFailure;

    LineRowReader(
        FileSourceSplit split, FirstLine firstLine, OnCorruptObject onCorrupt, long alreadyEmitted)
        throws IOException {
      requireWholeObject(split);
      Path path = split.path();
      this.object = path.toUri().toString();
      this.firstLine = firstLine;
      this.onCorrupt = onCorrupt;
      try {
        this.lines = new LineReader(open(path));
      } catch (ZipException | EOFException e) {
        // "Not in GZIP format" is found when the gzip header is read, before any line.
        openFailure = e;
      }
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
      while ((text = readLine()) != null) {
        lineNumber++;
        if (text.isEmpty()) {
          continue;
        }
        if (!firstSeen) {
          firstSeen = true;
          if (firstLine == FirstLine.CSV_HEADER) {
            header = text;
            continue;
          }
          if (firstLine == FirstLine.REFERENCE_ROW) {
            header = text;
          }
        }
        emitted++;
        if (lines.lastLineInvalidUtf8()) {
          return RawRow.defective(object, lineNumber, text, header, "invalid_utf8");
        }
        return new RawRow(object, lineNumber, text, header);
      }
      return corrupt();
    }

    /** The next line, or {@code null} at the end, or after the object broke (see openFailure). */
    private String readLine() throws IOException {
      if (lines == null) {
        return null;
      }
      try {
        return lines.readLine();
      } catch (ZipException | EOFException e) {
        openFailure = e;
        lines.close();
        lines = null;
        return null;
      }
    }

    /** The object broke: fail, or (skip) emit its one corrupt_object row, once. */
    private RawRow corrupt() throws CorruptObjectException {
      if (openFailure == null) {
        return null;
      }
      String message = CorruptObjectException.describe(object, lineNumber, "lines", openFailure);
      if (onCorrupt == OnCorruptObject.FAIL) {
        throw new CorruptObjectException(
            message + "; set source.on-corrupt-object skip to reject the rest and go on");
      }
      openFailure = null;
      emitted++;
      return RawRow.defective(object, lineNumber + 1, message, header, "corrupt_object");
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
      if (lines != null) {
        lines.close();
      }
    }
  }
}
