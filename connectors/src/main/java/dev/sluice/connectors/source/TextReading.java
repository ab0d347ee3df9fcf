package dev.sluice.connectors.source;

import java.io.Serializable;

/**
 * How text objects (CSV, JSON Lines, LibSVM) are read.
 *
 * @param splitSize the largest byte range one reader takes of an uncompressed object ({@code
 *     source.split-size}); larger objects are read by all readers at once, range by range
 * @param csvHeader for CSV, whether each object starts with a header line ({@code
 *     source.csv.header})
 * @param csvQuote for CSV, the quote character ({@code source.csv.quote})
 * @param csvQuotedNewlines for CSV, whether a quoted field may span lines ({@code
 *     source.csv.quoted-newlines}): rows are then assembled from as many lines as their quotes
 *     need, which only a reader that starts at the object's first byte can do, so such objects are
 *     not split
 */
public record TextReading(
    long splitSize, boolean csvHeader, char csvQuote, boolean csvQuotedNewlines)
    implements Serializable {

  /** The default of {@code source.split-size}: 64 MiB, about 140k rows of 50 numbers. */
  public static final long DEFAULT_SPLIT_SIZE = 64L << 20;

  public TextReading {
    if (splitSize <= 0) {
      throw new IllegalArgumentException("source.split-size must be positive, got " + splitSize);
    }
  }

  /** The defaults, with or without a CSV header. */
  public static TextReading defaults(boolean csvHeader) {
    return new TextReading(DEFAULT_SPLIT_SIZE, csvHeader, '"', false);
  }

  /** The same reading with another split size. */
  public TextReading withSplitSize(long bytes) {
    return new TextReading(bytes, csvHeader, csvQuote, csvQuotedNewlines);
  }

  /** The same reading with quoted fields allowed to span lines (or not). */
  public TextReading withQuotedNewlines(boolean quotedNewlines) {
    return new TextReading(splitSize, csvHeader, csvQuote, quotedNewlines);
  }

  /** The largest range for a format: whole objects when rows may span lines. */
  long splitSizeFor(SourceFormat format) {
    return format == SourceFormat.CSV && csvQuotedNewlines ? Long.MAX_VALUE : splitSize;
  }
}
