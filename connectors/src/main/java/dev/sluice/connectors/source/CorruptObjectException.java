package dev.sluice.connectors.source;

import java.io.IOException;

/**
 * An object that cannot be read to its end. The message names the object, says how much of it was
 * read, and what the decompressor or decoder said, e.g. {@code s3://b/day-3.csv.gz is corrupt: read
 * 1200 lines, then "Unexpected end of ZLIB input stream" (a truncated gzip object)}.
 */
public final class CorruptObjectException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * No cause is chained: the message already says what the decompressor or decoder said, and
   * whoever reports the innermost cause of a failed job must find the object's name there.
   */
  CorruptObjectException(String message) {
    super(message);
  }

  /**
   * The message for an object that broke after {@code read} of what {@code unit} counts ("lines",
   * "records").
   */
  static String describe(String object, long read, String unit, Throwable cause) {
    String said = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    return object
        + " is corrupt: read "
        + read
        + " "
        + unit
        + (read == 0 ? ", then " : " of it, then ")
        + "\""
        + said
        + "\""
        + hint(cause, said);
  }

  private static String hint(Throwable cause, String said) {
    if (said.contains("Not in GZIP format")) {
      return " (the name ends in .gz, but the object is not gzip)";
    }
    if (said.contains("Unexpected end of ZLIB") || cause instanceof java.io.EOFException) {
      return " (the object ends early: truncated in transfer or still being written?)";
    }
    if (said.contains("Corrupt GZIP trailer")) {
      return " (the gzip trailer does not match: the object was damaged)";
    }
    return "";
  }
}
