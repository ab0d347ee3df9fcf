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
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads text objects (CSV, JSON Lines, LibSVM) line by line into {@link RawRow}s that carry the
 * object URI and the 1-based line number in the object.
 *
 * <ul>
 *   <li>A split is a byte range ({@link LineSplit}) that owns the lines starting in it and knows
 *       how many lines start before it, so line numbers are those of the whole object however it is
 *       cut.
 *   <li>UTF-8; lines end in {@code \n} or {@code \r\n}. Objects whose name ends in {@code .gz} are
 *       gunzipped transparently (and always read whole).
 *   <li>Empty lines are skipped in every format, but still counted, so line numbers stay those of
 *       the object; a trailing newline therefore yields no extra row. Any other line is a row, even
 *       one of only spaces, tabs or delimiters: it is read, counted, and rejected by the parser if
 *       it is not a valid row.
 *   <li>With {@link FirstLine#CSV_HEADER}, the object's first non-empty line is the header: it is
 *       not emitted but is attached to every row of that object. With {@link
 *       FirstLine#REFERENCE_ROW} (JSON Lines, header-less CSV) the first non-empty line is a row
 *       and is also attached to every row as the reference that fixes feature names, order,
 *       dimension or column count. A range that does not start at the object's start reads that
 *       line from there, so every range sees the same one.
 *   <li>A row is one line, unless quoted fields may span lines: then a line with an open quote is
 *       joined (with {@code \n}) to the next until its quotes balance; the row keeps the number of
 *       its first line. Such objects are never split.
 *   <li>A line that is not valid UTF-8 is emitted as a row with the defect {@code invalid_utf8}.
 *   <li>An object that cannot be read to its end (a truncated or corrupt {@code .gz}) fails the
 *       read with a {@link CorruptObjectException} naming it and how many lines were read, or with
 *       {@link OnCorruptObject#SKIP} ends with one row with the defect {@code corrupt_object}.
 * </ul>
 *
 * <p>The checkpointed position is the number of rows emitted from the split (with no byte offset,
 * which a gzip stream could not seek to anyway); a restored reader reads the split again from its
 * start and skips exactly that many rows.
 */
public final class TextLineFormat implements BulkFormat<RawRow, LineSplit> {

  private static final long serialVersionUID = 1L;

  /** Once per range, at DEBUG: the benchmark times the fixed cost from these lines. */
  private static final Logger LOG = LoggerFactory.getLogger(TextLineFormat.class);

  /** Rows handed over per batch: large enough to amortise the hand-over, small for latency. */
  static final int BATCH_SIZE = 1024;

  /** What the first non-empty line of an object is. */
  public enum FirstLine {
    /** A row like any other. */
    ROW,
    /** A CSV header: not emitted, attached to every row. */
    CSV_HEADER,
    /** A row, and also attached to every row of the object as its reference. */
    REFERENCE_ROW
  }

  private final FirstLine firstLine;
  private final OnCorruptObject onCorrupt;

  /** The quote that may hold line breaks, or -1 when every line is a row. */
  private final int spanningQuote;

  /**
   * A format for text lines that fails on a corrupt object.
   *
   * @param csvHeader whether the first non-empty line of each object is a CSV header
   */
  public TextLineFormat(boolean csvHeader) {
    this(csvHeader ? FirstLine.CSV_HEADER : FirstLine.ROW, OnCorruptObject.FAIL);
  }

  /** A format for text lines, one row per line. */
  public TextLineFormat(FirstLine firstLine, OnCorruptObject onCorrupt) {
    this(firstLine, onCorrupt, -1);
  }

  private TextLineFormat(FirstLine firstLine, OnCorruptObject onCorrupt, int spanningQuote) {
    this.firstLine = firstLine;
    this.onCorrupt = onCorrupt;
    this.spanningQuote = spanningQuote;
  }

  /** The reader format for a text source format. */
  public static TextLineFormat forFormat(
      SourceFormat format, TextReading reading, OnCorruptObject onCorrupt) {
    return switch (format) {
      case CSV ->
          new TextLineFormat(
              // Header-less rows are counted against the object's first row.
              reading.csvHeader() ? FirstLine.CSV_HEADER : FirstLine.REFERENCE_ROW,
              onCorrupt,
              reading.csvQuotedNewlines() ? reading.csvQuote() : -1);
      // A JSON Lines object's first line fixes every row's feature names, order and dimension.
      case JSONL -> new TextLineFormat(FirstLine.REFERENCE_ROW, onCorrupt);
      case LIBSVM -> new TextLineFormat(FirstLine.ROW, onCorrupt);
      case AVRO -> throw new IllegalArgumentException("Avro objects are not text");
    };
  }

  @Override
  public Reader<RawRow> createReader(Configuration config, LineSplit split) throws IOException {
    return new LineRowReader(split, 0);
  }

  @Override
  public Reader<RawRow> restoreReader(Configuration config, LineSplit split) throws IOException {
    long emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new LineRowReader(split, emitted);
  }

  @Override
  public boolean isSplittable() {
    return true;
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
    if (LineSplitEnumerator.isCompressed(path)) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    return in;
  }

  /** Avro objects are read whole: a split of part of one is a bug. */
  static void requireWholeObject(FileSourceSplit split) {
    if (split.offset() != 0) {
      throw new IllegalStateException(
          "Split "
              + split
              + " starts at byte "
              + split.offset()
              + ", but this format reads whole objects; use a non-splitting file enumerator");
    }
  }

  /** The lines of a range, positioned on the first line that starts in it. */
  private static LineReader openRange(LineSplit split) throws IOException {
    if (split.offset() == 0) {
      return new LineReader(open(split.path()));
    }
    if (LineSplitEnumerator.isCompressed(split.path())) {
      throw new IllegalStateException(
          "Split " + split + " starts inside a gzip object, which can only be read whole");
    }
    FSDataInputStream in = split.path().getFileSystem().open(split.path());
    // One byte early: if it is a '\n', the range's first line starts exactly at its offset.
    in.seek(split.offset() - 1);
    LineReader lines = new LineReader(in, split.offset() - 1);
    lines.skipLine();
    return lines;
  }

  /** The object's first non-empty line and its offset, read from the object's start. */
  private static FirstNonEmpty firstNonEmpty(Path path) throws IOException {
    try (LineReader lines = new LineReader(open(path))) {
      while (true) {
        long start = lines.position();
        String text = lines.readLine();
        if (text == null) {
          return null;
        }
        if (!text.isEmpty()) {
          return new FirstNonEmpty(text, start);
        }
      }
    }
  }

  private record FirstNonEmpty(String text, long offset) {}

  private final class LineRowReader implements Reader<RawRow> {
    private final String object;
    private final LineSplit split;
    private final long limit;
    private LineReader lines;
    private String first;
    private long firstOffset = -1;
    private long lineNumber;
    private long emitted;
    private IOException openFailure;

    LineRowReader(LineSplit split, long alreadyEmitted) throws IOException {
      Path path = split.path();
      this.object = path.toUri().toString();
      this.split = split;
      this.limit = split.toEnd() ? Long.MAX_VALUE : split.offset() + split.length();
      this.lineNumber = split.linesBefore();
      if (firstLine != FirstLine.ROW && split.offset() > 0) {
        FirstNonEmpty found = firstNonEmpty(path);
        if (found != null) {
          first = found.text();
          firstOffset = found.offset();
        }
      }
      try {
        this.lines = openRange(split);
      } catch (ZipException | EOFException e) {
        // "Not in GZIP format" is found when the gzip header is read, before any line.
        openFailure = e;
      }
      LOG.debug("range opened: {}", split);
      // Re-read the rows emitted before the checkpoint without emitting them again.
      while (emitted < alreadyEmitted) {
        if (nextRow() == null) {
          throw new IOException(
              "Cannot restore reading "
                  + split
                  + ": the checkpoint says "
                  + alreadyEmitted
                  + " rows were emitted, but the range has only "
                  + emitted
                  + " (was the object changed while being read?)");
        }
      }
    }

    /** The next row, counted in {@link #emitted}, or {@code null} at the end of the range. */
    private RawRow nextRow() throws IOException {
      while (lines != null) {
        long start = lines.position();
        if (start >= limit) {
          return null;
        }
        String text = readLine();
        if (text == null) {
          break;
        }
        long line = ++lineNumber;
        if (text.isEmpty()) {
          continue;
        }
        boolean invalidUtf8 = lines.lastLineInvalidUtf8();
        if (spanningQuote >= 0) {
          text = joinQuotedLines(text);
        }
        if (firstOffset < 0) {
          first = text;
          firstOffset = start;
          if (firstLine == FirstLine.CSV_HEADER) {
            continue;
          }
        } else if (start == firstOffset && firstLine == FirstLine.CSV_HEADER) {
          continue; // the header, in a range that does not start at the object's start
        }
        emitted++;
        String header = firstLine == FirstLine.ROW ? null : first;
        if (invalidUtf8) {
          return RawRow.defective(object, line, text, header, "invalid_utf8");
        }
        return new RawRow(object, line, text, header);
      }
      return corrupt();
    }

    /** The next line, or {@code null} at the end, or after the object broke (see openFailure). */
    private String readLine() throws IOException {
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
      String header = firstLine == FirstLine.ROW ? null : first;
      return RawRow.defective(object, lineNumber + 1, message, header, "corrupt_object");
    }

    /** Joins following lines while a quote is open; an unclosed quote ends at the object's end. */
    private String joinQuotedLines(String text) throws IOException {
      int quotes = quotes(text);
      if ((quotes & 1) == 0) {
        return text;
      }
      StringBuilder row = new StringBuilder(text);
      String next;
      while ((quotes & 1) == 1 && lines != null && (next = readLine()) != null) {
        lineNumber++;
        row.append('\n').append(next);
        quotes += quotes(next);
      }
      return row.toString();
    }

    private int quotes(String text) {
      int count = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == spanningQuote) {
          count++;
        }
      }
      return count;
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
        LOG.debug("range read: {} rows of {}", emitted, split);
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
