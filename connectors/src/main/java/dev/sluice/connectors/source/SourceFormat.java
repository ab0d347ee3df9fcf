package dev.sluice.connectors.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats named by {@code source.format}. */
public enum SourceFormat {
  /** Comma-separated (or other delimiter) text, RFC 4180 quoting, with or without a header. */
  CSV("csv"),
  /** One JSON object per line. */
  JSONL("jsonl"),
  /** Avro object container files; the schema comes from each file. */
  AVRO("avro"),
  /** LibSVM text: {@code label index:value ...}, giving sparse features. */
  LIBSVM("libsvm");

  private final String configName;

  SourceFormat(String configName) {
    this.configName = configName;
  }

  /** The value used for this format in {@code source.format}. */
  public String configName() {
    return configName;
  }

  /** Whether objects of this format are read as text lines (everything but Avro). */
  public boolean isLineBased() {
    return this != AVRO;
  }

  /**
   * The format named by a {@code source.format} value.
   *
   * @throws IllegalArgumentException naming the allowed values when the name is unknown
   */
  public static SourceFormat fromConfigName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (SourceFormat format : values()) {
      if (format.configName.equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "source.format is '"
            + name
            + "'; expected one of "
            + Arrays.stream(values())
                .map(SourceFormat::configName)
                .collect(Collectors.joining(", ")));
  }
}
