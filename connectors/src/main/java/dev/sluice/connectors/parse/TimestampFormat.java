package dev.sluice.connectors.parse;

import java.util.Locale;

/** How timestamps are written ({@code schema.timestamp-format}). */
public enum TimestampFormat {
  /**
   * ISO-8601 date ({@code 2024-03-01}, start of day UTC) or date-time ({@code
   * 2024-03-01T12:00:00Z}, with an offset, or without one meaning UTC; a space may replace the
   * {@code T}).
   */
  ISO("iso"),
  /** Seconds since the epoch, integer or decimal. */
  EPOCH_SECONDS("epoch-seconds"),
  /** Milliseconds since the epoch. */
  EPOCH_MILLIS("epoch-millis");

  private final String configName;

  TimestampFormat(String configName) {
    this.configName = configName;
  }

  /** The value used in {@code schema.timestamp-format}. */
  public String configName() {
    return configName;
  }

  /** The format named by a {@code schema.timestamp-format} value. */
  public static TimestampFormat fromConfigName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (TimestampFormat format : values()) {
      if (format.configName.equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "schema.timestamp-format is '" + name + "'; expected iso, epoch-seconds or epoch-millis");
  }
}
