package dev.sluice.jobs.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relative paths in a {@code --config} file are relative to the file's folder, so a job file means
 * the same run from whatever folder it is started. Paths given on the command line stay relative to
 * the working directory, as a shell user expects. Only the path keys are touched, and only values
 * without a scheme ({@code s3://}, {@code file:}) that are not absolute.
 */
public final class ConfigFilePaths {

  /** The keys whose values are locations. */
  static final List<String> PATH_KEYS =
      List.of(SluiceKeys.SOURCE_PATH.name(), SluiceKeys.SINK_PATH.name());

  private ConfigFilePaths() {}

  /**
   * {@code file} with its relative path values resolved against the folder of {@code location} (a
   * local path or a URI such as {@code s3://bucket/jobs/job.yaml}).
   */
  public static RawConfig resolveAgainst(RawConfig file, String location) {
    Map<String, RawConfig.Entry> resolved = new LinkedHashMap<>(file.entries());
    for (String key : PATH_KEYS) {
      RawConfig.Entry entry = resolved.get(key);
      if (entry != null && isRelative(entry.value())) {
        resolved.put(key, new RawConfig.Entry(resolve(location, entry.value()), entry.origin()));
      }
    }
    return RawConfig.ofEntries(resolved);
  }

  static boolean isRelative(String value) {
    String v = value.trim();
    return !v.isEmpty() && !hasScheme(v) && !Path.of(v).isAbsolute();
  }

  private static boolean hasScheme(String value) {
    int colon = value.indexOf(':');
    // A one-letter "scheme" is a Windows drive, not a URI.
    return colon > 1 && value.substring(0, colon).chars().allMatch(Character::isLetterOrDigit);
  }

  private static String resolve(String location, String relative) {
    String value = relative.trim();
    if (hasScheme(location)) {
      return URI.create(location).resolve(value).toString();
    }
    Path folder = Path.of(location).toAbsolutePath().getParent();
    String resolved = folder.resolve(value).normalize().toString();
    // Keep a trailing slash: it says "a folder" to readers of the report.
    return value.endsWith("/") && !resolved.endsWith("/") ? resolved + "/" : resolved;
  }
}
