package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;

/** Rejects the rows the reader marked as defective before any parser looks at their text. */
final class RowDefects {

  private RowDefects() {}

  /** Throws the rejection of a defective row; does nothing for a row as read. */
  static void check(RawRow row) throws RowRejectedException {
    if (row.defect == null) {
      return;
    }
    RejectReason reason = RejectReason.fromCode(row.defect);
    String expectation =
        switch (reason) {
          case INVALID_UTF8 ->
              "expected UTF-8 text, but the line holds bytes that are not UTF-8 (first at"
                  + " character "
                  + (row.text.indexOf('\uFFFD') + 1)
                  + "; Latin-1 or Windows-1252 text?); convert the object to UTF-8, e.g. iconv"
                  + " -f latin1 -t utf-8";
          default -> row.text;
        };
    throw RowRejectedException.of(row, reason, null, expectation);
  }
}
