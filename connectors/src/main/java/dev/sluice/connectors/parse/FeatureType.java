package dev.sluice.connectors.parse;

import java.util.Locale;

/** The feature value type ({@code schema.feature-type}). */
public enum FeatureType {
  /** 32-bit float, the default; values are parsed straight to the nearest float. */
  FLOAT32("float32"),
  /** 64-bit float. */
  FLOAT64("float64"),
  /** 32-bit signed integer; values with a fractional part are rejected. */
  INT32("int32");

  private final String configName;

  FeatureType(String configName) {
    this.configName = configName;
  }

  /** The value used in {@code schema.feature-type}. */
  public String configName() {
    return configName;
  }

  /** The type named by a {@code schema.feature-type} value. */
  public static FeatureType fromConfigName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (FeatureType type : values()) {
      if (type.configName.equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "schema.feature-type is '" + name + "'; expected float32, float64 or int32");
  }
}
