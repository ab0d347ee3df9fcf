package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses CSV rows (RFC 4180: quoted fields, doubled quotes, delimiter inside quotes; configurable
 * delimiter and quote; header or not).
 *
 * <p>Hot path: the line is copied once into a reused {@code char[]}, split into field offsets, and
 * numbers are parsed straight from those offsets, so a row of numbers allocates only its result
 * arrays. Column names are resolved against the object's header once per header instance.
 *
 * <p>Column count: with a header, every row must have as many columns as the header. Without a
 * header, rows must have at least the columns the mapping names, and with all-remaining features,
 * exactly as many as the object's first row (which the text reader attaches as {@link
 * RawRow#header}; without it, the first row of the same object seen by this parser).
 */
public final class CsvRowParser implements RowParser {

  /** Integers up to 2^53 are exact doubles. */
  private static final long EXACT_DOUBLE_MANTISSA = 1L << 53;

  private static final byte PLAIN = 0;
  private static final byte QUOTED = 1;
  private static final byte ESCAPED = 2;

  private final SchemaMapping mapping;
  private final FieldValues values;
  private final char delimiter;
  private final char quote;
  private final boolean fusedFloat32;

  private char[] chars = new char[256];
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private byte[] kinds = new byte[64];

  private String cachedHeader;
  private Layout cachedLayout;
  private String cachedObject;
  private int cachedObjectColumns;

  /** A parser for a CSV mapping. */
  public CsvRowParser(SchemaMapping mapping) {
    this(mapping, true);
  }

  /** A parser with the float32 fast path on or off (off only to test that both agree). */
  CsvRowParser(SchemaMapping mapping, boolean fastPath) {
    if (mapping.format() != dev.sluice.connectors.source.SourceFormat.CSV) {
      throw new IllegalArgumentException("CsvRowParser needs source.format=csv, got " + mapping);
    }
    this.mapping = mapping;
    this.values = new FieldValues(mapping);
    this.delimiter = mapping.csvDelimiter();
    this.quote = mapping.csvQuote();
    this.fusedFloat32 = fastPath && mapping.featureType() == FeatureType.FLOAT32;
  }

  @Override
  public ParsedRecord parse(RawRow row) throws RowRejectedException {
    RowDefects.check(row);
    String text = row.text;
    // The header is split first: it shares the scratch offsets with the row.
    Layout layout = mapping.csvHeader() ? headerLayout(row) : knownIndexLayout(row);
    double[] features = null;
    if (fusedFloat32 && layout != null && layout.error == null) {
      features = splitAndParseFloat32(text, layout);
    }
    if (features == null) {
      int count = split(row, text);
      if (layout == null) {
        layout = indexLayout(row, count);
      }
      if (layout.error != null) {
        throw RowRejectedException.of(row, layout.errorReason, layout.errorField, layout.error);
      }
      checkColumnCount(row, layout, count);
    }

    ParsedRecord record = new ParsedRecord();
    record.object = row.object;
    record.line = row.line;
    record.featureType = values.featureType();
    if (layout.id >= 0) {
      record.id =
          FieldValues.required(row, string(layout.id), RejectReason.MISSING_ID, layout.idField);
    }
    if (layout.timestamp >= 0) {
      record.timestampMillis =
          values.timestamp(row, string(layout.timestamp), layout.timestampField);
      record.hasTimestamp = true;
    }
    if (layout.group >= 0) {
      record.group =
          FieldValues.required(
              row, string(layout.group), RejectReason.MISSING_GROUP, layout.groupField);
    }
    if (layout.domain >= 0) {
      record.domain =
          FieldValues.required(
              row, string(layout.domain), RejectReason.MISSING_DOMAIN, layout.domainField);
    }
    if (layout.labels.length > 0) {
      double[] label = new double[layout.labels.length];
      for (int i = 0; i < label.length; i++) {
        int c = layout.labels[i];
        label[i] = values.label(row, chars, starts[c], ends[c], layout.labelFields[i]);
      }
      record.label = label;
    }
    if (features == null) {
      int[] featureColumns = layout.features;
      features = new double[featureColumns.length];
      for (int i = 0; i < features.length; i++) {
        int c = featureColumns[i];
        features[i] = values.feature(row, chars, starts[c], ends[c], layout.featureFields[i]);
      }
    }
    // The header (or the object's first row) already fixes the count; a configured one is checked.
    values.checkDimension(row, features.length, -1);
    record.features = features;
    record.dimension = features.length;
    return record;
  }

  /**
   * The fast path for float32 rows without quotes: splits the line and parses the feature columns
   * in one pass over the chars, recording the other columns' offsets as {@link #split} does.
   * Returns {@code null} whenever the row is anything but plain (a quote, an unparseable or
   * non-finite value, a wrong column count), so that the general path parses it again and rejects
   * it with the right reason; values it does return are the ones the general path would compute.
   */
  private double[] splitAndParseFloat32(String text, Layout layout) {
    int n = text.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    text.getChars(0, n, chars, 0);
    char[] c = chars;
    char delim = delimiter;
    char q = quote;
    int[] slotOf = layout.featureSlotOf;
    double[] features = new double[layout.features.length];
    int column = 0;
    int i = 0;
    while (true) {
      int slot;
      if (column < slotOf.length) {
        slot = slotOf[column];
      } else if (layout.exactColumns < 0) {
        slot = -1;
      } else {
        return null;
      }
      if (column == starts.length) {
        grow();
      }
      int from = i;
      if (slot < 0) {
        while (i < n) {
          char ch = c[i];
          if (ch == delim) {
            break;
          }
          if (ch == q) {
            return null;
          }
          i++;
        }
      } else {
        // Only '-' is a sign; a '+' falls to the general parser, which refuses it.
        boolean negative = false;
        if (i < n && c[i] == '-') {
          negative = true;
          i++;
        }
        // Digits accumulate unchecked (a long holds 18); the checks after the loop decide
        // whether the exact fast path applies. Fewer branches per char is what makes this fast.
        long mantissa = 0;
        int digits = 0;
        int dotAt = -1;
        boolean general = false;
        for (; i < n; i++) {
          char ch = c[i];
          char d = (char) (ch - '0');
          if (d <= 9) {
            mantissa = mantissa * 10 + d;
            digits++;
          } else if (ch == delim) {
            break;
          } else if (ch == '.' && dotAt < 0) {
            dotAt = i;
          } else if (ch == q) {
            return null;
          } else {
            general = true; // an exponent, NaN, spaces...: the general parser decides
          }
        }
        float value =
            general || digits == 0 || digits > 18 || mantissa > EXACT_DOUBLE_MANTISSA
                ? Float.NaN
                : NumberParser.exactQuotientToFloat(mantissa, dotAt < 0 ? 0 : i - dotAt - 1);
        if (Float.isNaN(value)) {
          try {
            value = NumberParser.parseFloat(c, from, i);
          } catch (NumberFormatException e) {
            return null;
          }
          if (!Float.isFinite(value) && !values.allowNonFinite()) {
            return null;
          }
        } else if (negative) {
          value = -value;
        }
        features[slot] = value;
      }
      starts[column] = from;
      ends[column] = i;
      kinds[column] = PLAIN;
      column++;
      if (i == n) {
        break;
      }
      i++;
    }
    if ((layout.exactColumns >= 0 && column != layout.exactColumns) || column < layout.minColumns) {
      return null;
    }
    return features;
  }

  private void checkColumnCount(RawRow row, Layout layout, int count) throws RowRejectedException {
    if (layout.exactColumns >= 0 && count != layout.exactColumns) {
      throw RowRejectedException.of(
          row,
          RejectReason.WRONG_COLUMN_COUNT,
          null,
          "expected "
              + layout.exactColumns
              + " columns "
              + (mapping.csvHeader() ? "as in the header" : "as in the object's first row")
              + ", got "
              + count);
    }
    if (count < layout.minColumns) {
      throw RowRejectedException.of(
          row,
          RejectReason.WRONG_COLUMN_COUNT,
          null,
          "expected at least "
              + layout.minColumns
              + " columns for the schema mapping, got "
              + count);
    }
  }

  /** The unquoted, unescaped text of a column. */
  private String string(int column) {
    int from = starts[column];
    int to = ends[column];
    if (kinds[column] != ESCAPED) {
      return new String(chars, from, to - from);
    }
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      out.append(chars[i]);
      if (chars[i] == quote) {
        i++; // the second of a doubled quote
      }
    }
    return out.toString();
  }

  /** Splits the line into field offsets in {@link #starts}/{@link #ends}; returns the count. */
  private int split(RawRow row, String text) throws RowRejectedException {
    int n = text.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    text.getChars(0, n, chars, 0);
    char[] c = chars;
    char delim = delimiter;
    char q = quote;
    int count = 0;
    int i = 0;
    while (true) {
      if (count == starts.length) {
        grow();
      }
      if (i < n && c[i] == q) {
        int from = i + 1;
        int j = from;
        byte kind = QUOTED;
        while (true) {
          if (j >= n) {
            throw RowRejectedException.of(
                row,
                RejectReason.MALFORMED_CSV,
                "#" + count,
                "the quoted field has no closing " + q + " (quoted fields cannot span lines)");
          }
          if (c[j] == q) {
            if (j + 1 < n && c[j + 1] == q) {
              kind = ESCAPED;
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        starts[count] = from;
        ends[count] = j;
        kinds[count] = kind;
        count++;
        i = j + 1;
        if (i == n) {
          return count;
        }
        if (c[i] != delim) {
          throw RowRejectedException.of(
              row,
              RejectReason.MALFORMED_CSV,
              "#" + (count - 1),
              "expected the delimiter '"
                  + delim
                  + "' or the end of the line after a closing quote,"
                  + " got '"
                  + c[i]
                  + "'");
        }
        i++;
      } else {
        int from = i;
        while (i < n) {
          char ch = c[i];
          if (ch == delim) {
            break;
          }
          if (ch == q) {
            throw RowRejectedException.of(
                row,
                RejectReason.MALFORMED_CSV,
                "#" + count,
                "a quote may only appear in a quoted field (double it inside quotes)");
          }
          i++;
        }
        starts[count] = from;
        ends[count] = i;
        kinds[count] = PLAIN;
        count++;
        if (i == n) {
          return count;
        }
        i++;
      }
    }
  }

  private void grow() {
    int size = starts.length * 2;
    starts = Arrays.copyOf(starts, size);
    ends = Arrays.copyOf(ends, size);
    kinds = Arrays.copyOf(kinds, size);
  }

  private Layout headerLayout(RawRow row) throws RowRejectedException {
    {
      String header = row.header;
      if (header == null) {
        throw new IllegalArgumentException(
            row.object
                + " line "
                + row.line
                + ": source.csv.header is true but the row carries no header; read it with a"
                + " CSV source that has the header option on");
      }
      if (header != cachedHeader && !header.equals(cachedHeader)) {
        cachedLayout = Layout.fromHeader(mapping, splitHeader(row, header));
      }
      cachedHeader = header;
      return cachedLayout;
    }
  }

  /** The header-less layout when it is known before splitting the row, else {@code null}. */
  private Layout knownIndexLayout(RawRow row) {
    if (mapping.allRemainingFeatures()) {
      if (row.header != null) {
        return firstRowLayout(row);
      }
      return row.object.equals(cachedObject) ? cachedLayout : null;
    }
    if (cachedLayout == null) {
      cachedLayout = Layout.fromIndices(mapping, -1);
    }
    return cachedLayout;
  }

  private Layout indexLayout(RawRow row, int count) {
    if (mapping.allRemainingFeatures()) {
      if (!row.object.equals(cachedObject)) {
        cachedObject = row.object;
        cachedObjectColumns = count;
        cachedLayout = Layout.fromIndices(mapping, count);
      }
      return cachedLayout;
    }
    if (cachedLayout == null) {
      cachedLayout = Layout.fromIndices(mapping, -1);
    }
    return cachedLayout;
  }

  /**
   * The header-less layout counted from the object's first row, which the text reader attaches to
   * every row: the count is the same whichever part of the object this parser reads first. A
   * malformed first row (itself rejected) sets no count, only the mapping's minimum.
   */
  private Layout firstRowLayout(RawRow row) {
    String firstRow = row.header;
    if (firstRow != cachedHeader && !firstRow.equals(cachedHeader)) {
      int columns;
      try {
        columns = split(new RawRow(row.object, 0, firstRow, null), firstRow);
      } catch (RowRejectedException e) {
        columns = -1;
      }
      cachedLayout = Layout.fromIndices(mapping, columns);
    }
    cachedHeader = firstRow;
    return cachedLayout;
  }

  private List<String> splitHeader(RawRow row, String header) throws RowRejectedException {
    RawRow headerRow = new RawRow(row.object, 0, header, null);
    int count;
    try {
      count = split(headerRow, header);
    } catch (RowRejectedException e) {
      throw RowRejectedException.of(
          row,
          RejectReason.MALFORMED_CSV,
          null,
          "the object's header is malformed: " + e.getMessage());
    }
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(string(i).trim());
    }
    return names;
  }

  /** Which column holds what, resolved for one header (or for header-less rows). */
  private static final class Layout {
    int id = -1;
    int timestamp = -1;
    int group = -1;
    int domain = -1;
    int[] labels = new int[0];
    int[] features = new int[0];
    String idField;
    String timestampField;
    String groupField;
    String domainField;
    String[] labelFields = new String[0];
    String[] featureFields = new String[0];

    /** For each column up to the last mapped one, its feature slot or -1. */
    int[] featureSlotOf = new int[0];

    int exactColumns = -1;
    int minColumns;
    String error;
    String errorField;
    RejectReason errorReason = RejectReason.UNKNOWN_COLUMN;

    static Layout fromHeader(SchemaMapping mapping, List<String> names) {
      Layout layout = new Layout();
      layout.exactColumns = names.size();
      Map<String, Integer> byName = new HashMap<>();
      for (int i = names.size() - 1; i >= 0; i--) {
        byName.put(names.get(i), i);
      }
      layout.resolve(
          mapping,
          names.size(),
          ref -> ref.isIndex() ? ref.index() : byName.getOrDefault(ref.name(), -1),
          i -> "'" + names.get(i) + "' (column #" + i + ", ");
      if (layout.error != null) {
        layout.error += "; the header's columns are " + names;
      } else {
        layout.refuseAmbiguousDuplicates(mapping, names);
      }
      return layout;
    }

    /**
     * A header may repeat a name nobody reads; a repeated name the schema uses, or that {@code *}
     * would take as features, is ambiguous and rejects every row of the object.
     */
    private void refuseAmbiguousDuplicates(SchemaMapping mapping, List<String> names) {
      Set<String> used = new HashSet<>();
      for (ColumnRef ref : mapping.nonFeatureColumns()) {
        used.add(ref.isIndex() ? null : ref.name());
      }
      for (ColumnRef ref : mapping.features()) {
        used.add(ref.isIndex() ? null : ref.name());
      }
      Map<String, Integer> first = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        Integer earlier = first.putIfAbsent(name, i);
        if (earlier != null && (used.contains(name) || mapping.allRemainingFeatures())) {
          error =
              "the header names '"
                  + name
                  + "' twice, columns #"
                  + earlier
                  + " and #"
                  + i
                  + (used.contains(name)
                      ? ", and the schema mapping uses that name"
                      : ", and schema.features * would take both as features")
                  + ": rename one of them; the header's columns are "
                  + names;
          errorField = "'" + name + "' (columns #" + earlier + " and #" + i + ")";
          errorReason = RejectReason.DUPLICATE_COLUMN;
          return;
        }
      }
    }

    static Layout fromIndices(SchemaMapping mapping, int columns) {
      Layout layout = new Layout();
      layout.exactColumns = columns;
      layout.resolve(mapping, columns, ColumnRef::index, i -> "#" + i + " (");
      return layout;
    }

    private void resolve(
        SchemaMapping mapping,
        int columns,
        java.util.function.ToIntFunction<ColumnRef> indexOf,
        java.util.function.IntFunction<String> describe) {
      boolean[] used = new boolean[Math.max(columns, 0)];
      int max = -1;
      int[] single = new int[4];
      String[] keys = {"schema.id", "schema.timestamp", "schema.group", "schema.domain"};
      ColumnRef[] refs = {
        mapping.id().orElse(null),
        mapping.timestamp().orElse(null),
        mapping.group().orElse(null),
        mapping.domain().orElse(null)
      };
      String[] fields = new String[4];
      for (int k = 0; k < 4; k++) {
        single[k] = -1;
        if (refs[k] != null) {
          int index = lookup(refs[k], keys[k], indexOf);
          if (index < 0) {
            return;
          }
          single[k] = index;
          fields[k] = describe.apply(index) + keys[k] + ")";
          max = Math.max(max, index);
          mark(used, index);
        }
      }
      id = single[0];
      timestamp = single[1];
      group = single[2];
      domain = single[3];
      idField = fields[0];
      timestampField = fields[1];
      groupField = fields[2];
      domainField = fields[3];

      List<ColumnRef> labelRefs = mapping.labels();
      labels = new int[labelRefs.size()];
      labelFields = new String[labels.length];
      for (int i = 0; i < labels.length; i++) {
        int index = lookup(labelRefs.get(i), "schema.label", indexOf);
        if (index < 0) {
          return;
        }
        labels[i] = index;
        labelFields[i] = describe.apply(index) + "schema.label)";
        max = Math.max(max, index);
        mark(used, index);
      }

      if (mapping.allRemainingFeatures()) {
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
          if (!used[i]) {
            rest.add(i);
          }
        }
        features = rest.stream().mapToInt(Integer::intValue).toArray();
      } else {
        List<ColumnRef> featureRefs = mapping.features();
        features = new int[featureRefs.size()];
        for (int i = 0; i < features.length; i++) {
          int index = lookup(featureRefs.get(i), "schema.features", indexOf);
          if (index < 0) {
            return;
          }
          features[i] = index;
          max = Math.max(max, index);
        }
      }
      int slotColumns = Math.max(Math.max(columns, max + 1), 0);
      for (int feature : features) {
        slotColumns = Math.max(slotColumns, feature + 1);
      }
      featureSlotOf = new int[slotColumns];
      java.util.Arrays.fill(featureSlotOf, -1);
      for (int i = 0; i < features.length; i++) {
        featureSlotOf[features[i]] = i;
      }
      featureFields = new String[features.length];
      for (int i = 0; i < features.length; i++) {
        featureFields[i] = describe.apply(features[i]) + "schema.features)";
      }
      minColumns = max + 1;
    }

    private int lookup(
        ColumnRef ref, String key, java.util.function.ToIntFunction<ColumnRef> indexOf) {
      int index = indexOf.applyAsInt(ref);
      if (index < 0) {
        error = "the header has no column '" + ref + "' named by " + key;
        errorField = "'" + ref + "' (" + key + ")";
      }
      return index;
    }

    private static void mark(boolean[] used, int index) {
      if (index < used.length) {
        used[index] = true;
      }
    }
  }
}
