package dev.sluice.jobs.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration as a carrier delivers it, before validation: dotted keys to raw text, each with
 * where it came from so that a message can say which file or argument to fix. YAML files,
 * command-line arguments and Managed Flink runtime properties all reduce to this.
 */
public final class RawConfig {
  /** A raw value and its origin, such as {@code --config job.yaml} or {@code command line}. */
  public record Entry(String value, String origin) {}

  private static final RawConfig EMPTY = new RawConfig(Map.of());

  private final Map<String, Entry> entries;

  private RawConfig(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static RawConfig empty() {
    return EMPTY;
  }

  /** A configuration whose every value came from one origin. */
  public static RawConfig of(Map<String, String> values, String origin) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    values.forEach((key, value) -> entries.put(key, new Entry(value, origin)));
    return new RawConfig(entries);
  }

  /** A configuration of entries that each say where they came from. */
  public static RawConfig ofEntries(Map<String, Entry> entries) {
    return new RawConfig(entries);
  }

  /** This configuration with the keys of {@code overrides} replaced or added. */
  public RawConfig overriddenBy(RawConfig overrides) {
    Map<String, Entry> merged = new LinkedHashMap<>(entries);
    merged.putAll(overrides.entries);
    return new RawConfig(merged);
  }

  /** The entries whose keys start with {@code prefix}. */
  public RawConfig only(String prefix) {
    Map<String, Entry> selected = new LinkedHashMap<>();
    entries.forEach(
        (key, entry) -> {
          if (key.startsWith(prefix)) {
            selected.put(key, entry);
          }
        });
    return new RawConfig(selected);
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public boolean contains(String key) {
    return entries.containsKey(key);
  }
}
