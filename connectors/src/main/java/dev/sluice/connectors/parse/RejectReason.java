package dev.sluice.connectors.parse;

/**
 * Why a row was rejected. Each reason has a stable snake_case {@link #code()} used in {@code
 * OUTPUT/_rejected/}, in the report's counts and in metric names; codes are never renamed.
 */
public enum RejectReason {
  /** A CSV row has a different number of columns than the header (or the object's first row). */
  WRONG_COLUMN_COUNT("wrong_column_count"),
  /** A feature or label value is not a number of the configured type. */
  UNPARSEABLE_NUMBER("unparseable_number"),
  /** A feature or label is NaN or infinite while {@code schema.allow-non-finite} is false. */
  NON_FINITE("non_finite"),
  /** The timestamp does not match {@code schema.timestamp-format}. */
  BAD_TIMESTAMP("bad_timestamp"),
  /** {@code schema.timestamp} is configured but the row has no value. */
  MISSING_TIMESTAMP("missing_timestamp"),
  /** {@code schema.group} is configured but the row has no value. */
  MISSING_GROUP("missing_group"),
  /** {@code schema.domain} is configured but the row has no value. */
  MISSING_DOMAIN("missing_domain"),
  /** {@code schema.label} is configured but the row has no value. */
  MISSING_LABEL("missing_label"),
  /** {@code schema.id} is configured but the row has no value. */
  MISSING_ID("missing_id"),
  /** A JSON row lacks a field listed in {@code schema.features}. */
  MISSING_FEATURE("missing_feature"),
  /** The object's header has no column of a name the schema mapping uses. */
  UNKNOWN_COLUMN("unknown_column"),
  /** A CSV line breaks RFC 4180 quoting. */
  MALFORMED_CSV("malformed_csv"),
  /** A JSON line is not a single well-formed JSON object. */
  MALFORMED_JSON("malformed_json"),
  /** A LibSVM line is not {@code label index:value ...}. */
  MALFORMED_LIBSVM("malformed_libsvm"),
  /** A sparse index is not an integer, out of the dimension, or not ascending. */
  BAD_SPARSE_INDEX("bad_sparse_index"),
  /** The domain value has no route (decided by the splitter, not by the parsers). */
  UNKNOWN_DOMAIN("unknown_domain"),
  /** The line's bytes are not valid UTF-8 (e.g. Latin-1 text); never decoded by guesswork. */
  INVALID_UTF8("invalid_utf8"),
  /**
   * The header names a column twice and the schema uses that name, or {@code schema.features *}
   * would take both.
   */
  DUPLICATE_COLUMN("duplicate_column"),
  /**
   * A dense row's features differ in number (or, for JSON with {@code schema.features *}, in names)
   * from {@code schema.feature-dimension}, or without it from the object's first row.
   */
  WRONG_DIMENSION("wrong_dimension"),
  /**
   * The rest of an object that could not be read to its end, with {@code source.on-corrupt-object
   * skip}: one row per such object.
   */
  CORRUPT_OBJECT("corrupt_object");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The stable snake_case code. */
  public String code() {
    return code;
  }

  /** The reason with the given code. */
  public static RejectReason fromCode(String code) {
    for (RejectReason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown reject reason code '" + code + "'");
  }
}
