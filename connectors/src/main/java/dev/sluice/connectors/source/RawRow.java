package dev.sluice.connectors.source;

import java.util.Objects;

/**
 * One raw input row as read from an object, before any parsing: the object it came from, its
 * 1-based line number (for Avro the 1-based record index), its text and, for CSV with a header, the
 * object's header line.
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
   * The object's header line for CSV with a header; for JSON Lines the object's first line, whose
   * fields fix every row's feature names, order and dimension; for CSV without a header the
   * object's first row, which fixes every row's column count; otherwise {@code null}. Every range
   * of a split object carries the same line.
   */
  public String header;

  /**
   * {@code null} for a row as read; otherwise the reject-reason code of what the reader found
   * wrong, which the parser turns into a rejection: {@code invalid_utf8} (the text holds U+FFFD
   * where the bytes were not UTF-8) or {@code corrupt_object} (the object could not be read on from
   * this line; the text says what was read and what failed).
   */
  public String defect;

  /** For Flink's POJO serializer. */
  public RawRow() {}

  /** A row of the given object. */
  public RawRow(String object, long line, String text, String header) {
    this.object = object;
    this.line = line;
    this.text = text;
    this.header = header;
  }

  /** A row the reader found wrong, with the reject-reason code of its defect. */
  public static RawRow defective(
      String object, long line, String text, String header, String code) {
    RawRow row = new RawRow(object, line, text, header);
    row.defect = code;
    return row;
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
        && Objects.equals(header, other.header)
        && Objects.equals(defect, other.defect);
  }

  @Override
  public int hashCode() {
    return Objects.hash(object, line, text, header, defect);
  }

  @Override
  public String toString() {
    return object + ":" + line + " " + text;
  }
}
