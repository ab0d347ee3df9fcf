package dev.sluice.connectors.sink;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.parse.ParsedRecord;
import java.util.Arrays;

/**
 * A record as one row of SageMaker's {@code text/csv}: the label first (when there is one), then
 * every feature, comma-separated, ending in a newline; no header, no uid.
 *
 * <p>Values are written exactly as the RecordIO-protobuf encoding stores them, so that a CSV shard
 * reads back to the same numbers: the label and float32 features as the shortest decimal that
 * parses back to the same float, float64 features as the same for doubles, int32 features as
 * integers. Sparse features are written out densely, zeros included, since a CSV row has no keys.
 * Configurations with a vector label are refused before this is reached (CSV has one label column).
 */
final class CsvShardEncoder implements ShardEncoder {
  private final StringBuilder row = new StringBuilder(256);
  private byte[] bytes = new byte[256];
  private int length;

  @Override
  public void encode(ParsedRecord record, String uid) {
    row.setLength(0);
    if (record.label != null) {
      for (double label : record.label) {
        // The RecordIO label is a float32 tensor.
        row.append((float) label).append(',');
      }
    }
    FeatureType type = record.featureType;
    if (record.isSparse()) {
      long[] keys = record.sparseKeys;
      int next = 0;
      for (long position = 0; position < record.dimension; position++) {
        if (next < keys.length && keys[next] == position) {
          appendFeature(type, record.sparseValues[next++]);
        } else {
          row.append('0');
        }
        row.append(',');
      }
    } else {
      for (double value : record.features) {
        appendFeature(type, value);
        row.append(',');
      }
    }
    // The last separator becomes the row's end.
    if (row.length() > 0) {
      row.setLength(row.length() - 1);
    }
    row.append('\n');
    toBytes();
  }

  private void appendFeature(FeatureType type, double value) {
    switch (type) {
      case FLOAT32 -> row.append((float) value);
      case FLOAT64 -> row.append(value);
      case INT32 -> row.append((int) value);
    }
  }

  /** Every character written is ASCII (digits, sign, point, E, NaN, Infinity, comma). */
  private void toBytes() {
    length = row.length();
    if (bytes.length < length) {
      bytes = Arrays.copyOf(bytes, Math.max(length, bytes.length * 2));
    }
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) row.charAt(i);
    }
  }

  @Override
  public byte[] array() {
    return bytes;
  }

  @Override
  public int length() {
    return length;
  }
}
