package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;

/**
 * A rejected row as written under {@code OUTPUT/_rejected/}: object, line, reason code, message and
 * the raw text. A Flink POJO; {@link #toJsonLine()} renders the written form.
 */
public class RejectedRow {

  /** URI of the object the row came from. */
  public String object;

  /** 1-based line (for Avro the record index). */
  public long line;

  /** The {@link RejectReason#code()}. */
  public String reason;

  /** What was wrong, naming object, line and field. */
  public String message;

  /** The raw row text. */
  public String text;

  /** For Flink's POJO serializer. */
  public RejectedRow() {}

  /** A rejected row. */
  public RejectedRow(String object, long line, String reason, String message, String text) {
    this.object = object;
    this.line = line;
    this.reason = reason;
    this.message = message;
    this.text = text;
  }

  /** The rejected row for a raw row and the parser's rejection. */
  public static RejectedRow of(RawRow row, RowRejectedException rejection) {
    return new RejectedRow(
        row.object, row.line, rejection.reason().code(), rejection.getMessage(), row.text);
  }

  /**
   * One JSON object on one line (no trailing newline) with the fields {@code object}, {@code line},
   * {@code reason}, {@code message} and {@code text}.
   */
  public String toJsonLine() {
    StringBuilder out = new StringBuilder(64 + (text == null ? 0 : text.length() + 16));
    out.append("{\"object\":");
    appendJsonString(out, object);
    out.append(",\"line\":").append(line).append(",\"reason\":");
    appendJsonString(out, reason);
    out.append(",\"message\":");
    appendJsonString(out, message);
    out.append(",\"text\":");
    appendJsonString(out, text);
    return out.append('}').toString();
  }

  private static void appendJsonString(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Control characters and the JavaScript line separators are escaped so each row stays
          // on one line for any JSON Lines reader.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return toJsonLine();
  }
}
