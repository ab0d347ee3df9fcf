package dev.sluice.connectors.sink;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.protobuf.RecordEncoder;
import dev.sluice.connectors.protobuf.ValueType;

/**
 * A record as an {@code aialgs.data.Record}: {@code features["values"]} dense or sparse in the
 * configured tensor type, {@code label["values"]} float32 (scalar or vector), and the uid.
 */
final class ProtobufShardEncoder implements ShardEncoder {
  private final RecordEncoder encoder = new RecordEncoder();

  @Override
  public void encode(ParsedRecord record, String uid) {
    encoder.reset();
    ValueType type = valueType(record.featureType);
    if (record.isSparse()) {
      encoder.sparseFeature(
          RecordEncoder.DEFAULT_NAME,
          type,
          record.sparseValues,
          record.sparseKeys,
          0,
          record.sparseKeys.length,
          record.dimension);
    } else {
      encoder.denseFeature(
          RecordEncoder.DEFAULT_NAME, type, record.features, 0, record.features.length);
    }
    if (record.label != null) {
      // Built-in algorithms read a float32 label["values"], scalar or vector.
      if (record.label.length == 1) {
        encoder.scalarLabel(ValueType.FLOAT32, record.label[0]);
      } else {
        encoder.denseLabel(
            RecordEncoder.DEFAULT_NAME, ValueType.FLOAT32, record.label, 0, record.label.length);
      }
    }
    encoder.uid(uid);
  }

  @Override
  public byte[] array() {
    return encoder.array();
  }

  @Override
  public int length() {
    return encoder.length();
  }

  static ValueType valueType(FeatureType featureType) {
    return switch (featureType) {
      case FLOAT32 -> ValueType.FLOAT32;
      case FLOAT64 -> ValueType.FLOAT64;
      case INT32 -> ValueType.INT32;
    };
  }
}
