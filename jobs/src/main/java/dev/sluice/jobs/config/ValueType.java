package dev.sluice.jobs.config;

import dev.sluice.splitters.time.TimeSplitSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;

/**
 * The kinds of value a configuration key takes. Each kind parses the raw text every carrier (YAML,
 * command line, runtime properties) reduces to, and describes itself for error messages and {@code
 * --help}.
 */
public enum ValueType {
  STRING("a string") {
    @Override
    Object parse(String raw) {
      return raw;
    }
  },
  BOOLEAN("true or false") {
    @Override
    Object parse(String raw) {
      if (raw.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (raw.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException();
    }
  },
  INT("a whole number") {
    @Override
    Object parse(String raw) {
      return Integer.parseInt(raw.trim());
    }
  },
  LONG("a whole number") {
    @Override
    Object parse(String raw) {
      return Long.parseLong(raw.trim());
    }
  },
  FRACTION("a number from 0 to 1") {
    @Override
    Object parse(String raw) {
      double value = Double.parseDouble(raw.trim());
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException();
      }
      return value;
    }
  },
  POSITIVE_INT("a whole number of at least 1") {
    @Override
    Object parse(String raw) {
      int value = Integer.parseInt(raw.trim());
      if (value < 1) {
        throw new IllegalArgumentException();
      }
      return value;
    }
  },
  POSITIVE_LONG("a whole number of at least 1") {
    @Override
    Object parse(String raw) {
      long value = Long.parseLong(raw.trim());
      if (value < 1) {
        throw new IllegalArgumentException();
      }
      return value;
    }
  },
  DURATION("a duration such as 30s, 5min, 2h or 7d") {
    @Override
    Object parse(String raw) {
      String text = raw.trim();
      if (text.startsWith("P") || text.startsWith("p")) {
        return Duration.parse(text);
      }
      Duration duration = TimeUtils.parseDuration(text);
      if (duration.isNegative()) {
        throw new IllegalArgumentException();
      }
      return duration;
    }
  },
  BYTES("a size such as 64mb or 1gb") {
    @Override
    Object parse(String raw) {
      long bytes = MemorySize.parse(raw.trim()).getBytes();
      if (bytes < 1) {
        throw new IllegalArgumentException();
      }
      return bytes;
    }
  },
  CHAR("a single character") {
    @Override
    Object parse(String raw) {
      String text = raw.equals("\\t") ? "\t" : raw;
      if (text.length() != 1) {
        throw new IllegalArgumentException();
      }
      return text.charAt(0);
    }
  },
  INSTANT(
      "a date (2024-01-31, the start of that day in UTC) or a date-time (2024-01-31T06:00:00Z)") {
    @Override
    Object parse(String raw) {
      return parseInstant(raw.trim());
    }
  },
  LIST("a list, in YAML or comma-separated") {
    @Override
    Object parse(String raw) {
      return splitList(raw);
    }
  },
  FRACTION_LIST("a list of numbers from 0 to 1, such as 0.8,0.1,0.1") {
    @Override
    Object parse(String raw) {
      List<Double> values = new ArrayList<>();
      for (String item : splitList(raw)) {
        values.add((Double) FRACTION.parse(item));
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException();
      }
      return List.copyOf(values);
    }
  };

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** Parses raw text; throws an unchecked exception when the text is not of this type. */
  abstract Object parse(String raw);

  /** Whether the value is a list, which YAML may write as a list. */
  boolean isList() {
    return this == LIST || this == FRACTION_LIST;
  }

  /** What a valid value looks like, for messages and help. */
  public String description() {
    return description;
  }

  static List<String> splitList(String raw) {
    String text = raw.trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    List<String> items = new ArrayList<>();
    if (text.isBlank()) {
      return List.of();
    }
    for (String item : text.split(",", -1)) {
      items.add(item.trim());
    }
    return List.copyOf(items);
  }

  static Instant parseInstant(String text) {
    // The splitter's own rule, so a cut-off means the same from every carrier.
    return TimeSplitSpec.parseCutoff(text);
  }
}
