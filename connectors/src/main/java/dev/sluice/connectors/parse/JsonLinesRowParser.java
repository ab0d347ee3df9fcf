package dev.sluice.connectors.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.sluice.connectors.source.RawRow;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON Lines rows (and Avro records rendered as JSON): one object per line, mapped by its
 * top-level field names.
 *
 * <ul>
 *   <li>A feature or label field may be a number, a numeric string, or an array of those (flattened
 *       in order). {@code NaN} and {@code Infinity} are read, then rejected unless {@code
 *       schema.allow-non-finite} is true.
 *   <li>With all-remaining features, every top-level field not otherwise mapped is a feature. The
 *       object's first line (which the reader attaches to every row as {@link RawRow#header}) fixes
 *       their names and order; every row is read by name, so key order does not matter, and a row
 *       that lacks one of those fields ({@code missing_feature}) or has another ({@code
 *       wrong_dimension}) is rejected. A non-numeric field there is an unparseable number.
 *   <li>A row's feature count must be {@code schema.feature-dimension}, or without it the first
 *       line's ({@code wrong_dimension}): arrays of different lengths never share a channel.
 *   <li>Duplicate field names and trailing content after the object are malformed JSON.
 * </ul>
 *
 * <p>Numbers are read from Jackson's token chars without a {@code String} per value.
 */
public final class JsonLinesRowParser implements RowParser {

  private static final int ID = 0;
  private static final int TIMESTAMP = 1;
  private static final int GROUP = 2;
  private static final int DOMAIN = 3;
  private static final int LABEL = 4;
  private static final int FEATURE = 5;
  private static final String[] KEYS = {
    "schema.id",
    "schema.timestamp",
    "schema.group",
    "schema.domain",
    "schema.label",
    "schema.features"
  };

  private final SchemaMapping mapping;
  private final FieldValues values;
  private final JsonFactory factory;
  private final Map<String, Slot> slots = new HashMap<>();
  private final Slot[] labelSlots;
  private final Slot[] featureSlots;
  private final boolean allRemaining;
  private final String[] scalarFields = new String[4];

  // Per-row scratch, reset by parse().
  private final String[] text = new String[4];
  private final double[][] labelValues;
  private final double[][] featureValues;
  private double[] remaining = new double[64];
  private int remainingCount;

  /** Reads the object's first line in its own order, to learn the reference from it. */
  private final boolean learnsReference;

  private final java.util.ArrayList<String> remainingNames = new java.util.ArrayList<>();
  private String referenceText;
  private Reference reference;
  private JsonLinesRowParser referenceParser;
  private int[] referenceStart = new int[0];
  private int[] referenceLength = new int[0];

  /** A parser for a JSON Lines or Avro mapping. */
  public JsonLinesRowParser(SchemaMapping mapping) {
    this(mapping, false);
  }

  private JsonLinesRowParser(SchemaMapping mapping, boolean learnsReference) {
    this.learnsReference = learnsReference;
    this.mapping = mapping;
    this.values = new FieldValues(mapping);
    this.factory =
        JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.allRemaining = mapping.allRemainingFeatures();
    addSlot(mapping.id().orElse(null), ID, 0);
    addSlot(mapping.timestamp().orElse(null), TIMESTAMP, 0);
    addSlot(mapping.group().orElse(null), GROUP, 0);
    addSlot(mapping.domain().orElse(null), DOMAIN, 0);
    List<ColumnRef> labels = mapping.labels();
    labelSlots = new Slot[labels.size()];
    for (int i = 0; i < labelSlots.length; i++) {
      labelSlots[i] = addSlot(labels.get(i), LABEL, i);
    }
    List<ColumnRef> features = mapping.features();
    featureSlots = new Slot[features.size()];
    for (int i = 0; i < featureSlots.length; i++) {
      featureSlots[i] = addSlot(features.get(i), FEATURE, i);
    }
    labelValues = new double[labelSlots.length][];
    featureValues = new double[featureSlots.length][];
  }

  private Slot addSlot(ColumnRef ref, int kind, int index) {
    if (ref == null) {
      return null;
    }
    Slot slot = new Slot(kind, index, "'" + ref.name() + "' (" + KEYS[kind] + ")", ref.name());
    slots.put(ref.name(), slot);
    if (kind < LABEL) {
      scalarFields[kind] = slot.field;
    }
    return slot;
  }

  @Override
  public ParsedRecord parse(RawRow row) throws RowRejectedException {
    RowDefects.check(row);
    Reference ref = reference(row);
    Arrays.fill(text, null);
    Arrays.fill(labelValues, null);
    Arrays.fill(featureValues, null);
    remainingCount = 0;
    remainingNames.clear();
    boolean byName = allRemaining && ref != null && row.text != row.header;
    if (byName) {
      if (ref.names == null) {
        throw RowRejectedException.of(
            row,
            RejectReason.WRONG_DIMENSION,
            null,
            "the object's first line is not a valid row, and with schema.features * it is what"
                + " fixes the feature fields of every row: fix that line");
      }
      Arrays.fill(referenceStart, -1);
    }
    try (JsonParser p = factory.createParser(row.text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(row, "expected a JSON object");
      }
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        Slot slot = slots.get(name);
        if (slot == null) {
          if (byName) {
            readRemainingByName(row, p, name, ref);
          } else if (allRemaining) {
            readRemaining(row, p, name);
          } else {
            p.skipChildren();
          }
        } else if (slot.kind < LABEL) {
          text[slot.kind] = scalarText(row, p, slot);
        } else if (slot.kind == LABEL) {
          labelValues[slot.index] = readNumbers(row, p, slot, true);
        } else {
          featureValues[slot.index] = readNumbers(row, p, slot, false);
        }
      }
      if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw malformed(row, "expected one JSON object per line, found more after it");
      }
    } catch (JsonProcessingException e) {
      throw malformed(row, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw malformed(row, "not valid JSON: " + e.getMessage());
    }
    ParsedRecord record = assemble(row, byName ? ref : null);
    if (!learnsReference) {
      // The first line itself is checked when it is parsed as a row, not when it is learnt from.
      values.checkDimension(
          row, record.features.length, ref == null || ref.names == null ? -1 : ref.dimension);
    }
    return record;
  }

  /**
   * What the object's first line fixes: the all-remaining feature names in its order, and the
   * dimension; {@code names} is null when that line is not a valid row. Null when the row carries
   * no first line (a row not read by the text reader).
   */
  private Reference reference(RawRow row) {
    if (row.header == null || learnsReference) {
      return null;
    }
    if (row.header != referenceText && !row.header.equals(referenceText)) {
      if (referenceParser == null) {
        referenceParser = new JsonLinesRowParser(mapping, true);
      }
      Reference learnt;
      try {
        ParsedRecord first = referenceParser.parse(new RawRow(row.object, 0, row.header, null));
        String[] names = referenceParser.remainingNames.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
          index.put(names[i], i);
        }
        learnt = new Reference(names, index, first.features.length);
      } catch (RowRejectedException e) {
        learnt = new Reference(null, Map.of(), -1);
      }
      referenceText = row.header;
      reference = learnt;
      int size = learnt.names == null ? 0 : learnt.names.length;
      referenceStart = new int[size];
      referenceLength = new int[size];
    }
    return reference;
  }

  /** With all-remaining features: the field's values, kept where the first line puts them. */
  private void readRemainingByName(RawRow row, JsonParser p, String name, Reference ref)
      throws IOException, RowRejectedException {
    Integer at = ref.index.get(name);
    if (at == null) {
      p.skipChildren();
      throw RowRejectedException.of(
          row,
          RejectReason.WRONG_DIMENSION,
          "'" + name + "' (schema.features=*)",
          "the object's first line has no field of that name, and its fields are the features of"
              + " every row: "
              + String.join(", ", ref.names));
    }
    int start = remainingCount;
    readRemaining(row, p, name);
    referenceStart[at] = start;
    referenceLength[at] = remainingCount - start;
  }

  private ParsedRecord assemble(RawRow row, Reference byName) throws RowRejectedException {
    ParsedRecord record = new ParsedRecord();
    record.object = row.object;
    record.line = row.line;
    record.featureType = values.featureType();
    if (mapping.id().isPresent()) {
      record.id = FieldValues.required(row, text[ID], RejectReason.MISSING_ID, slotField(ID));
    }
    if (mapping.timestamp().isPresent()) {
      record.timestampMillis = values.timestamp(row, text[TIMESTAMP], slotField(TIMESTAMP));
      record.hasTimestamp = true;
    }
    if (mapping.group().isPresent()) {
      record.group =
          FieldValues.required(row, text[GROUP], RejectReason.MISSING_GROUP, slotField(GROUP));
    }
    if (mapping.domain().isPresent()) {
      record.domain =
          FieldValues.required(row, text[DOMAIN], RejectReason.MISSING_DOMAIN, slotField(DOMAIN));
    }
    if (labelSlots.length > 0) {
      record.label = concat(row, labelValues, labelSlots, RejectReason.MISSING_LABEL);
    }
    record.features =
        byName != null
            ? inReferenceOrder(row, byName)
            : allRemaining
                ? Arrays.copyOf(remaining, remainingCount)
                : concat(row, featureValues, featureSlots, RejectReason.MISSING_FEATURE);
    record.dimension = record.features.length;
    return record;
  }

  private double[] inReferenceOrder(RawRow row, Reference ref) throws RowRejectedException {
    double[] out = new double[remainingCount];
    int at = 0;
    for (int i = 0; i < ref.names.length; i++) {
      if (referenceStart[i] < 0) {
        throw RowRejectedException.of(
            row,
            RejectReason.MISSING_FEATURE,
            "'" + ref.names[i] + "' (schema.features=*)",
            "expected the field, as in the object's first line; it is absent");
      }
      System.arraycopy(remaining, referenceStart[i], out, at, referenceLength[i]);
      at += referenceLength[i];
    }
    return out;
  }

  private String slotField(int kind) {
    return scalarFields[kind];
  }

  private static double[] concat(RawRow row, double[][] parts, Slot[] slots, RejectReason missing)
      throws RowRejectedException {
    if (parts.length == 1 && parts[0] != null) {
      return parts[0];
    }
    int length = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null) {
        throw RowRejectedException.of(
            row, missing, slots[i].field, "expected the field, it is absent");
      }
      length += parts[i].length;
    }
    double[] out = new double[length];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  /** The text of a scalar id/timestamp/group/domain; null for JSON null. */
  private static String scalarText(RawRow row, JsonParser p, Slot slot)
      throws IOException, RowRejectedException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isScalarValue()) {
      return p.getText();
    }
    p.skipChildren();
    RejectReason reason =
        switch (slot.kind) {
          case ID -> RejectReason.MISSING_ID;
          case TIMESTAMP -> RejectReason.BAD_TIMESTAMP;
          case GROUP -> RejectReason.MISSING_GROUP;
          default -> RejectReason.MISSING_DOMAIN;
        };
    throw RowRejectedException.of(
        row, reason, slot.field, "expected a string or number, got a JSON " + token.asString());
  }

  /** A number or an array of numbers (numeric strings allowed). */
  private double[] readNumbers(RawRow row, JsonParser p, Slot slot, boolean label)
      throws IOException, RowRejectedException {
    if (p.currentToken() == JsonToken.VALUE_NULL && label) {
      throw RowRejectedException.of(
          row, RejectReason.MISSING_LABEL, slot.field, "expected a label value, got null");
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return new double[] {number(row, p, slot.field, label)};
    }
    double[] out = new double[16];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      try {
        out[n] = number(row, p, slot.field, label);
      } catch (RowRejectedException e) {
        throw e.withField(row, "'" + slot.name + "[" + n + "]' (" + KEYS[slot.kind] + ")");
      }
      n++;
    }
    return Arrays.copyOf(out, n);
  }

  private void readRemaining(RawRow row, JsonParser p, String name)
      throws IOException, RowRejectedException {
    if (learnsReference) {
      remainingNames.add(name);
    }
    boolean array = p.currentToken() == JsonToken.START_ARRAY;
    int element = 0;
    JsonToken token = array ? p.nextToken() : p.currentToken();
    while (!array || token != JsonToken.END_ARRAY) {
      if (remainingCount == remaining.length) {
        remaining = Arrays.copyOf(remaining, remainingCount * 2);
      }
      try {
        remaining[remainingCount++] = number(row, p, null, false);
      } catch (RowRejectedException e) {
        String field = array ? "'" + name + "[" + element + "]'" : "'" + name + "'";
        throw e.withField(row, field + " (schema.features=*)");
      }
      if (!array) {
        return;
      }
      element++;
      token = p.nextToken();
    }
  }

  private double number(RawRow row, JsonParser p, String field, boolean label)
      throws IOException, RowRejectedException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        || token == JsonToken.VALUE_NUMBER_FLOAT
        || token == JsonToken.VALUE_STRING) {
      char[] chars = p.getTextCharacters();
      int from = p.getTextOffset();
      int to = from + p.getTextLength();
      return label
          ? values.label(row, chars, from, to, field)
          : values.feature(row, chars, from, to, field);
    }
    String got =
        token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT
            ? "a nested " + (token == JsonToken.START_ARRAY ? "array" : "object")
            : token == JsonToken.VALUE_NULL ? "null" : p.getText();
    p.skipChildren();
    throw RowRejectedException.of(
        row,
        RejectReason.UNPARSEABLE_NUMBER,
        field,
        "expected " + (label ? "a number (the label)" : values.expectedFeature()) + ", got " + got);
  }

  private static RowRejectedException malformed(RawRow row, String expectation) {
    return RowRejectedException.of(row, RejectReason.MALFORMED_JSON, null, expectation);
  }

  /** What an object's first line fixes for its rows. */
  private record Reference(String[] names, Map<String, Integer> index, long dimension) {}

  /** What a mapped field name is for. */
  private record Slot(int kind, int index, String field, String name) {}
}
