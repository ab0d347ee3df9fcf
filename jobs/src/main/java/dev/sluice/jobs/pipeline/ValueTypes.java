package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.protobuf.ValueType;

/** The tensor type a configured feature type is written as. */
final class ValueTypes {
  private ValueTypes() {}

  static ValueType of(FeatureType featureType) {
    return switch (featureType) {
      case FLOAT32 -> ValueType.FLOAT32;
      case FLOAT64 -> ValueType.FLOAT64;
      case INT32 -> ValueType.INT32;
    };
  }
}
