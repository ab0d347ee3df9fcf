package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;
import java.util.Arrays;

/**
 * Parses LibSVM rows, {@code label index:value index:value ...}, into sparse features.
 *
 * <ul>
 *   <li>Tokens are separated by spaces or tabs; {@code #} starts a comment to the end of the line;
 *       {@code qid:N} tokens (ranking data) are skipped.
 *   <li>Indices are 1-based unless {@code source.libsvm.zero-based}; they are stored 0-based and
 *       must be strictly ascending and below {@code source.libsvm.dimension}.
 *   <li>The label is the first token; values follow {@code schema.feature-type}.
 * </ul>
 */
public final class LibSvmRowParser implements RowParser {

  private final FieldValues values;
  private final long dimension;
  private final boolean zeroBased;
  private char[] chars = new char[256];
  private long[] keys = new long[64];
  private double[] vals = new double[64];

  /** A parser for a LibSVM mapping. */
  public LibSvmRowParser(SchemaMapping mapping) {
    this.values = new FieldValues(mapping);
    this.dimension = mapping.libsvmDimension();
    this.zeroBased = mapping.libsvmZeroBased();
  }

  @Override
  public ParsedRecord parse(RawRow row) throws RowRejectedException {
    RowDefects.check(row);
    String text = row.text;
    int n = text.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    text.getChars(0, n, chars, 0);
    char[] c = chars;
    int hash = text.indexOf('#');
    int end = hash >= 0 ? hash : n;

    int i = skipSpace(c, 0, end);
    int labelEnd = tokenEnd(c, i, end);
    if (i == labelEnd) {
      throw RowRejectedException.of(
          row, RejectReason.MISSING_LABEL, "label", "expected a label as the first token");
    }
    // LibSVM writes class labels as +1 and -1: its '+' is the format's, not Java syntax.
    int labelStart = c[i] == '+' && labelEnd - i > 1 && c[i + 1] != '-' ? i + 1 : i;
    double label = values.label(row, c, labelStart, labelEnd, "label");

    int count = 0;
    long previous = -1;
    i = skipSpace(c, labelEnd, end);
    while (i < end) {
      int tokenEnd = tokenEnd(c, i, end);
      int colon = -1;
      for (int j = i; j < tokenEnd; j++) {
        if (c[j] == ':') {
          colon = j;
          break;
        }
      }
      if (colon < 0) {
        throw RowRejectedException.of(
            row,
            RejectReason.MALFORMED_LIBSVM,
            "entry " + (count + 1),
            "expected index:value, got "
                + RowRejectedException.quoted(new String(c, i, tokenEnd - i)));
      }
      if (colon - i == 3 && c[i] == 'q' && c[i + 1] == 'i' && c[i + 2] == 'd') {
        i = skipSpace(c, tokenEnd, end);
        continue;
      }
      long key = index(row, c, i, colon, count);
      if (key <= previous) {
        throw RowRejectedException.of(
            row,
            RejectReason.BAD_SPARSE_INDEX,
            "index " + new String(c, i, colon - i),
            "expected indices in strictly ascending order, but it follows index "
                + (zeroBased ? previous : previous + 1));
      }
      previous = key;
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        vals = Arrays.copyOf(vals, count * 2);
      }
      keys[count] = key;
      try {
        vals[count] = values.feature(row, c, colon + 1, tokenEnd, null);
      } catch (RowRejectedException e) {
        // The field name is only built for a bad value, keeping the hot path allocation-free.
        throw e.withField(row, "index " + new String(c, i, colon - i));
      }
      count++;
      i = skipSpace(c, tokenEnd, end);
    }

    ParsedRecord record = new ParsedRecord();
    record.object = row.object;
    record.line = row.line;
    record.featureType = values.featureType();
    record.label = new double[] {label};
    record.sparseKeys = Arrays.copyOf(keys, count);
    record.sparseValues = Arrays.copyOf(vals, count);
    record.dimension = dimension;
    return record;
  }

  /** The 0-based key of an index token, checked against the dimension. */
  private long index(RawRow row, char[] c, int from, int to, int count)
      throws RowRejectedException {
    long index = 0;
    boolean ok = from < to && to - from <= 18;
    for (int j = from; ok && j < to; j++) {
      int d = c[j] - '0';
      ok = d >= 0 && d <= 9;
      index = index * 10 + d;
    }
    if (!ok) {
      String field = from < to ? "index " + new String(c, from, to - from) : "entry " + (count + 1);
      throw RowRejectedException.of(
          row,
          RejectReason.BAD_SPARSE_INDEX,
          field,
          "expected a non-negative integer index, got "
              + RowRejectedException.quoted(new String(c, from, to - from)));
    }
    long key = zeroBased ? index : index - 1;
    if (key < 0 || key >= dimension) {
      String field = "index " + new String(c, from, to - from);
      throw RowRejectedException.of(
          row,
          RejectReason.BAD_SPARSE_INDEX,
          field,
          "expected an index from "
              + (zeroBased ? 0 : 1)
              + " to "
              + (zeroBased ? dimension - 1 : dimension)
              + " (source.libsvm.dimension="
              + dimension
              + (zeroBased ? ", source.libsvm.zero-based=true)" : ", 1-based)"));
    }
    return key;
  }

  private static int skipSpace(char[] c, int i, int end) {
    while (i < end && (c[i] == ' ' || c[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int tokenEnd(char[] c, int i, int end) {
    while (i < end && c[i] != ' ' && c[i] != '\t') {
      i++;
    }
    return i;
  }
}
