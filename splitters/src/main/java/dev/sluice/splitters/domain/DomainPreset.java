package dev.sluice.splitters.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Routing presets from the field ({@code split.domain.preset}). Each gives a clean route and a
 * noisy route over the channels train, validation and test; {@code split.domain.routes.<value>}
 * overrides either.
 */
public enum DomainPreset {
  /** Clean → 100 % train; noisy → 50 % validation, 50 % test. */
  CLEAN_TRAIN_NOISY_EVAL(
      "clean-train-noisy-eval", Map.of("train", 1.0), ordered("validation", 0.5, "test", 0.5)),
  /** Clean → 90 % train, 10 % validation; noisy → 30 % validation, 70 % test. */
  CLEAN_SPLIT_NOISY_MIXED(
      "clean-split-noisy-mixed",
      ordered("train", 0.9, "validation", 0.1),
      ordered("validation", 0.3, "test", 0.7));

  private final String key;
  private final Map<String, Double> clean;
  private final Map<String, Double> noisy;

  DomainPreset(String key, Map<String, Double> clean, Map<String, Double> noisy) {
    this.key = key;
    this.clean = clean;
    this.noisy = noisy;
  }

  private static Map<String, Double> ordered(String a, double fa, String b, double fb) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(a, fa);
    m.put(b, fb);
    return m;
  }

  /** The configuration value, e.g. {@code clean-train-noisy-eval}. */
  public String key() {
    return key;
  }

  /** Channel name to fraction for the clean domain (absent channels: 0). */
  public Map<String, Double> clean() {
    return clean;
  }

  /** Channel name to fraction for the noisy domain (absent channels: 0). */
  public Map<String, Double> noisy() {
    return noisy;
  }

  /** The preset for a configuration value, or null. */
  public static DomainPreset fromKey(String key) {
    for (DomainPreset p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    return null;
  }
}
