package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;
import java.time.DateTimeException;

/**
 * The value rules every parser shares: numbers of the feature type, finiteness, labels, timestamps,
 * and required text fields. Failures become {@link RowRejectedException}s naming the field and what
 * was expected.
 */
final class FieldValues {

  private final FeatureType featureType;
  private final boolean allowNonFinite;
  private final TimestampFormat timestampFormat;
  private final long featureDimension;

  FieldValues(SchemaMapping mapping) {
    this.featureDimension = mapping.featureDimension();
    this.featureType = mapping.featureType();
    this.allowNonFinite = mapping.allowNonFinite();
    this.timestampFormat = mapping.timestampFormat();
  }

  boolean allowNonFinite() {
    return allowNonFinite;
  }

  FeatureType featureType() {
    return featureType;
  }

  /** A feature value of the configured type, widened to double. */
  double feature(RawRow row, char[] chars, int from, int to, String field)
      throws RowRejectedException {
    double value;
    try {
      value =
          switch (featureType) {
            case FLOAT32 -> NumberParser.parseFloat(chars, from, to);
            case FLOAT64 -> NumberParser.parseDouble(chars, from, to);
            case INT32 -> NumberParser.parseInt(chars, from, to);
          };
    } catch (NumberFormatException e) {
      throw unparseable(row, field, expectedFeature(), chars, from, to);
    }
    if (!allowNonFinite && !Double.isFinite(value)) {
      throw nonFinite(row, field, chars, from, to);
    }
    return value;
  }

  /** A label value, parsed as a double whatever the feature type. */
  double label(RawRow row, char[] chars, int from, int to, String field)
      throws RowRejectedException {
    if (from == to) {
      throw RowRejectedException.of(
          row, RejectReason.MISSING_LABEL, field, "expected a label value, got an empty value");
    }
    double value;
    try {
      value = NumberParser.parseDouble(chars, from, to);
    } catch (NumberFormatException e) {
      throw unparseable(row, field, "a number (the label)", chars, from, to);
    }
    if (!allowNonFinite && !Double.isFinite(value)) {
      throw nonFinite(row, field, chars, from, to);
    }
    if (!allowNonFinite && Double.isFinite(value) && Float.isInfinite((float) value)) {
      // Labels are written as float32: a value beyond its range would be written as infinity.
      throw RowRejectedException.of(
          row,
          RejectReason.NON_FINITE,
          field,
          "expected a number within the float32 range the label is written in (about"
              + " +-3.4e38), got "
              + RowRejectedException.quoted(new String(chars, from, to - from)));
    }
    return value;
  }

  /**
   * Checks a dense row's feature count against {@code schema.feature-dimension}, or when that is
   * unset against {@code objectDimension} (the object's first row's; negative when unknown).
   */
  void checkDimension(RawRow row, int dimension, long objectDimension) throws RowRejectedException {
    long expected = featureDimension > 0 ? featureDimension : objectDimension;
    if (expected >= 0 && dimension != expected) {
      throw RowRejectedException.of(
          row,
          RejectReason.WRONG_DIMENSION,
          null,
          "expected "
              + expected
              + " features "
              + (featureDimension > 0
                  ? "(schema.feature-dimension)"
                  : "as in the object's first row (schema.feature-dimension fixes one for every"
                      + " object)")
              + ", got "
              + dimension);
    }
  }

  /** Epoch millis of a timestamp value; an empty value is a missing timestamp. */
  long timestamp(RawRow row, String text, String field) throws RowRejectedException {
    if (text == null || text.isBlank()) {
      throw RowRejectedException.of(
          row,
          RejectReason.MISSING_TIMESTAMP,
          field,
          "expected " + TimestampParser.expectation(timestampFormat) + ", got no value");
    }
    try {
      return TimestampParser.parse(text, timestampFormat);
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      throw RowRejectedException.of(
          row,
          RejectReason.BAD_TIMESTAMP,
          field,
          "expected "
              + TimestampParser.expectation(timestampFormat)
              + ", got "
              + RowRejectedException.quoted(text));
    }
  }

  /** A required text value (id, group, domain): present and not blank. */
  static String required(RawRow row, String value, RejectReason missing, String field)
      throws RowRejectedException {
    if (value == null || value.isBlank()) {
      throw RowRejectedException.of(row, missing, field, "expected a value, got none");
    }
    return value;
  }

  String expectedFeature() {
    return switch (featureType) {
      case FLOAT32 -> "a float32 number (schema.feature-type=float32)";
      case FLOAT64 -> "a float64 number (schema.feature-type=float64)";
      case INT32 -> "an int32 integer (schema.feature-type=int32)";
    };
  }

  static RowRejectedException unparseable(
      RawRow row, String field, String expected, char[] chars, int from, int to) {
    String got =
        from == to
            ? "an empty value"
            : RowRejectedException.quoted(new String(chars, from, to - from));
    return RowRejectedException.of(
        row, RejectReason.UNPARSEABLE_NUMBER, field, "expected " + expected + ", got " + got);
  }

  private static RowRejectedException nonFinite(
      RawRow row, String field, char[] chars, int from, int to) {
    return RowRejectedException.of(
        row,
        RejectReason.NON_FINITE,
        field,
        "expected a finite number, got "
            + RowRejectedException.quoted(new String(chars, from, to - from))
            + " (set schema.allow-non-finite=true to keep NaN and Inf)");
  }
}
