package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;

/**
 * A row that cannot become a record. The message names the object, the line and the field and says
 * what was expected, e.g. {@code s3://b/a.csv line 17, field 'price' (schema.features): expected a
 * float32 number, got "abc"}.
 *
 * <p>Rejections are data, not bugs, and can be frequent, so no stack trace is captured.
 */
public class RowRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final RejectReason reason;
  private final String field;
  private final String expectation;

  /**
   * A rejection.
   *
   * @param reason why
   * @param field the field concerned as named in messages, or {@code null} for the whole row
   * @param message the full message, naming object, line and field
   */
  public RowRejectedException(RejectReason reason, String field, String message) {
    this(reason, field, message, message);
  }

  private RowRejectedException(
      RejectReason reason, String field, String message, String expectation) {
    super(message, null, false, false);
    this.reason = reason;
    this.field = field;
    this.expectation = expectation;
  }

  /**
   * A rejection of a row, with the message built as {@code <object> line <n>, field <field>:
   * <expectation>}.
   */
  public static RowRejectedException of(
      RawRow row, RejectReason reason, String field, String expectation) {
    StringBuilder message = new StringBuilder(96);
    message.append(row.object).append(" line ").append(row.line);
    if (field != null) {
      message.append(", field ").append(field);
    }
    message.append(": ").append(expectation);
    return new RowRejectedException(reason, field, message.toString(), expectation);
  }

  /** The same rejection of the row, naming another field (e.g. an element of an array field). */
  RowRejectedException withField(RawRow row, String otherField) {
    return of(row, reason, otherField, expectation);
  }

  /** Why the row was rejected. */
  public RejectReason reason() {
    return reason;
  }

  /** The field concerned as named in the message, or {@code null} for the whole row. */
  public String field() {
    return field;
  }

  /** A value quoted for a message, shortened so a huge field does not flood the log. */
  static String quoted(CharSequence value) {
    if (value == null) {
      return "null";
    }
    if (value.length() > 60) {
      return "\"" + value.subSequence(0, 57) + "...\"";
    }
    return "\"" + value + "\"";
  }
}
