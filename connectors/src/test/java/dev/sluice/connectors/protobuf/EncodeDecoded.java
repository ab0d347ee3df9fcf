package dev.sluice.connectors.protobuf;

import java.util.Map;

/** Feeds a {@link DecodedRecord} through a {@link RecordEncoder}, in Record field order. */
final class EncodeDecoded {
  private EncodeDecoded() {}

  static RecordEncoder encode(RecordEncoder encoder, DecodedRecord record) {
    for (Map.Entry<String, DecodedValue> e : record.features().entrySet()) {
      value(encoder, true, e.getKey(), e.getValue());
    }
    for (Map.Entry<String, DecodedValue> e : record.label().entrySet()) {
      value(encoder, false, e.getKey(), e.getValue());
    }
    return encoder
        .uid(record.uid())
        .metadata(record.metadata())
        .configuration(record.configuration());
  }

  private static void value(RecordEncoder encoder, boolean feature, String name, DecodedValue v) {
    long[] keys = v.keys();
    long dimension = v.shape().length == 0 ? -1 : v.shape()[0];
    boolean sparse = keys.length > 0 || dimension >= 0;
    if (!feature && name.equals(RecordEncoder.DEFAULT_NAME) && !sparse && v.size() == 1) {
      if (scalarLabel(encoder, v)) {
        return;
      }
    }
    switch (v.type()) {
      case FLOAT32:
        {
          float[] floats = v.floats();
          if (sparse && feature) {
            encoder.sparseFeature(
                name, floats, keys.length == 0 ? null : keys, 0, floats.length, dimension);
          } else if (feature) {
            encoder.denseFeature(name, floats, 0, floats.length);
          } else if (sparse) {
            encoder.sparseLabel(
                name, floats, keys.length == 0 ? null : keys, 0, floats.length, dimension);
          } else {
            encoder.denseLabel(name, floats, 0, floats.length);
          }
          return;
        }
      case FLOAT64:
        {
          double[] doubles = v.doubles();
          tensor(encoder, feature, name, ValueType.FLOAT64, doubles, sparse, keys, dimension);
          return;
        }
      case INT32:
        {
          int[] ints = v.ints();
          if (sparse) {
            double[] doubles = new double[ints.length];
            for (int i = 0; i < ints.length; i++) {
              doubles[i] = ints[i];
            }
            tensor(encoder, feature, name, ValueType.INT32, doubles, true, keys, dimension);
          } else if (feature) {
            encoder.denseFeature(name, ints, 0, ints.length);
          } else {
            encoder.denseLabel(name, ints, 0, ints.length);
          }
          return;
        }
      default:
        {
          byte[][] values = v.bytesValues().toArray(new byte[0][]);
          if (feature) {
            encoder.bytesFeature(name, v.contentType(), values);
          } else {
            encoder.bytesLabel(name, v.contentType(), values);
          }
        }
    }
  }

  private static void tensor(
      RecordEncoder encoder,
      boolean feature,
      String name,
      ValueType type,
      double[] values,
      boolean sparse,
      long[] keys,
      long dimension) {
    long[] k = keys.length == 0 ? null : keys;
    if (feature && sparse) {
      encoder.sparseFeature(name, type, values, k, 0, values.length, dimension);
    } else if (feature) {
      encoder.denseFeature(name, type, values, 0, values.length);
    } else if (sparse) {
      encoder.sparseLabel(name, type, values, k, 0, values.length, dimension);
    } else {
      encoder.denseLabel(name, type, values, 0, values.length);
    }
  }

  /**
   * The one-value label through {@link RecordEncoder#scalarLabel}, where a double holds it exactly.
   */
  private static boolean scalarLabel(RecordEncoder encoder, DecodedValue v) {
    switch (v.type()) {
      case FLOAT32:
        if (Float.isNaN(v.floats()[0])) {
          return false; // float -> double -> float may quiet a signalling NaN
        }
        encoder.scalarLabel(ValueType.FLOAT32, v.floats()[0]);
        return true;
      case FLOAT64:
        encoder.scalarLabel(ValueType.FLOAT64, v.doubles()[0]);
        return true;
      case INT32:
        encoder.scalarLabel(ValueType.INT32, v.ints()[0]);
        return true;
      default:
        return false;
    }
  }
}
