package dev.sluice.jobs.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated configuration: every key known, every value parsed to its type, defaults filled in.
 * Only {@link ConfigValidator} makes one, so holding a {@code Settings} means the values are good.
 */
public final class Settings {
  private final Map<String, Object> values;
  private final Map<String, String> rawValues;
  private final Set<String> explicitKeys;

  Settings(Map<String, Object> values, Map<String, String> rawValues, Set<String> explicitKeys) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.rawValues = Collections.unmodifiableMap(new LinkedHashMap<>(rawValues));
    this.explicitKeys = Collections.unmodifiableSet(new TreeSet<>(explicitKeys));
  }

  /** The keys a carrier gave, as opposed to those filled in from defaults. */
  public Set<String> explicitKeys() {
    return explicitKeys;
  }

  public boolean has(ConfigKey key) {
    return values.containsKey(key.name());
  }

  public <T> Optional<T> optional(ConfigKey key, Class<T> type) {
    return Optional.ofNullable(values.get(key.name())).map(type::cast);
  }

  public <T> T get(ConfigKey key, Class<T> type) {
    return optional(key, type)
        .orElseThrow(() -> new IllegalStateException(key.name() + " has no value"));
  }

  public String string(ConfigKey key) {
    return get(key, String.class);
  }

  public Optional<String> optionalString(ConfigKey key) {
    return optional(key, String.class);
  }

  public boolean flag(ConfigKey key) {
    return get(key, Boolean.class);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(ConfigKey key) {
    return (List<String>) values.getOrDefault(key.name(), List.of());
  }

  @SuppressWarnings("unchecked")
  public List<Double> fractions(ConfigKey key) {
    return (List<Double>) values.get(key.name());
  }

  /** The members of a key family, by their own part of the key, in name order. */
  public <T> Map<String, T> family(ConfigKey family, Class<T> type) {
    Map<String, T> members = new TreeMap<>();
    values.forEach(
        (name, value) -> {
          if (family.matches(name)) {
            members.put(family.member(name), type.cast(value));
          }
        });
    return members;
  }

  /**
   * The configuration as the user wrote it plus defaults, secrets masked: what the report records
   * and what the config hash is computed over.
   */
  public Map<String, String> maskedView() {
    Map<String, String> view = new TreeMap<>();
    rawValues.forEach(
        (name, raw) ->
            view.put(
                name, SluiceKeys.find(name).map(ConfigKey::secret).orElse(false) ? "******" : raw));
    return view;
  }
}
