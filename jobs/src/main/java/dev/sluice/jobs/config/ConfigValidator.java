package dev.sluice.jobs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks raw configuration against {@link SluiceKeys}: unknown keys (with a suggestion), missing
 * required keys, values of the wrong type and values outside the allowed set. Every problem is
 * collected, so the user fixes them all in one go.
 */
public final class ConfigValidator {
  private ConfigValidator() {}

  /** Validates {@code raw}, or throws a {@link ConfigException} listing every problem. */
  public static Settings validate(RawConfig raw) {
    Validation validation = check(raw);
    if (!validation.problems().isEmpty()) {
      throw new ConfigException(validation.problems());
    }
    return validation.settings();
  }

  /**
   * The problems of {@code raw}, and settings holding every value that is valid (a bad value leaves
   * its key at the default), so that checks across keys can still run and be reported with the
   * rest.
   */
  public record Validation(Settings settings, List<String> problems) {}

  /** Checks {@code raw} without throwing. */
  public static Validation check(RawConfig raw) {
    return check(raw, true);
  }

  /**
   * Checks the keys {@code raw} holds, without asking for the required ones: for a part of a
   * configuration that is needed before the whole is known.
   */
  public static Validation checkPresent(RawConfig raw) {
    return check(raw, false);
  }

  private static Validation check(RawConfig raw, boolean requireAll) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> rawValues = new LinkedHashMap<>();

    for (ConfigKey key : SluiceKeys.ALL) {
      if (!key.isFamily() && key.defaultValue().isPresent()) {
        String text = key.defaultValue().get();
        values.put(key.name(), key.type().parse(text));
        rawValues.put(key.name(), text);
      }
    }

    raw.entries()
        .forEach(
            (name, entry) -> {
              Optional<ConfigKey> known = SluiceKeys.find(name);
              if (known.isEmpty()) {
                problems.add(unknownKey(name, entry.origin()));
                return;
              }
              ConfigKey key = known.get();
              String text = entry.value();
              try {
                Object value = key.type().parse(text);
                if (!key.allowed().isEmpty() && !key.allowed().contains(text.trim())) {
                  throw new IllegalArgumentException();
                }
                values.put(name, value instanceof String s ? s.trim() : value);
                rawValues.put(name, text);
              } catch (RuntimeException badValue) {
                String shown = key.secret() ? "******" : text;
                problems.add(
                    name
                        + ": expected "
                        + key.expected()
                        + ", got '"
                        + shown
                        + "' ("
                        + entry.origin()
                        + ")");
              }
            });

    for (ConfigKey key : SluiceKeys.ALL) {
      if (requireAll && key.required() && !raw.contains(key.name())) {
        problems.add(key.name() + ": missing; " + lowerFirst(key.description()));
      }
    }
    return new Validation(new Settings(values, rawValues, raw.entries().keySet()), problems);
  }

  private static String unknownKey(String name, String origin) {
    String message = "unknown key '" + name + "' (" + origin + ")";
    return suggestionFor(name)
        .map(s -> message + "; did you mean '" + s + "'?")
        .orElse(message + "; run with --help to list the keys");
  }

  /** The closest known key, if one is close enough to be a likely typo. */
  static Optional<String> suggestionFor(String name) {
    String wanted = normalise(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey key : SluiceKeys.ALL) {
      String candidate = key.isFamily() ? key.familyPrefix() + key.familySuffix() : key.name();
      String compared = normalise(candidate);
      if (key.isFamily()
          && wanted.startsWith(normalise(key.familyPrefix()))
          && !key.familySuffix().isEmpty()
          && wanted.contains(normalise(key.familySuffix()))) {
        return Optional.of(key.name());
      }
      if (key.isFamily() && key.familySuffix().isEmpty() && wanted.startsWith(compared)) {
        return Optional.of(key.name());
      }
      int distance = distance(wanted, compared);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = key.name();
      }
    }
    int allowed = Math.max(2, wanted.length() / 4);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Levenshtein distance; key names are short, so the quadratic table is fine. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
