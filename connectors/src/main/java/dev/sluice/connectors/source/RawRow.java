package dev.sluice.connectors.source;

import java.util.Objects;

/**
 * One raw input row as read from an object, before any parsing: the object it came from, its
 * 1-based line number (for Avro the 1-based record index), its text and, for CSV, the object's
 * header line (or first row).
 *
 * <p>A Flink POJO, so it travels between operators without Kryo. For one object the {@link #header}
 * field is the same {@code String} instance on every row the reader emits, which lets a parser
 * cache the column layout by identity.
 */
public class RawRow {

  /** URI of the object, as given by the file source (e.g. {@code s3://bucket/data/a.csv}). */
  public String object;

  /** 1-based line number in the object; for Avro the 1-based record index. */
  public long line;

  /** The raw line without its line terminator; for Avro a JSON rendering of the record. */
  public String text;

  /**
   * For CSV, the object's first non-blank line: its header with {@code source.csv.header}, else its
   * first row (header-less rows are counted against it). {@code null} for other formats.
   */
  public String header;

  /** For Flink's POJO serializer. */
  public RawRow() {}

  /** A row of the given object. */
  public RawRow(String object, long line, String text, String header) {
    this.object = object;
    this.line = line;
    this.text = text;
    this.header = header;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RawRow other)) {
      return false;
    }
    return line == other.line
        && Objects.equals(object, other.object)
        && Objects.equals(text, other.text)
        && Objects.equals(header, other.header);
  }

  @Override
  public int hashCode() {
    return Objects.hash(object, line, text, header);
  }

  @Override
  public String toString() {
    return object + ":" + line + " " + text;
  }
}
