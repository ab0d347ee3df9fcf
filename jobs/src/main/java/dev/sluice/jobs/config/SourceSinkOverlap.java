package dev.sluice.jobs.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Source and sink may not overlap. With the sink inside the source, a continuous run reads its own
 * shards back as input, and a rerun lists (and then deletes) the shards it read; with the source
 * inside the sink, writing and {@code sink.overwrite}'s clean-up change the input. Both paths are
 * compared as absolute locations: local paths and {@code file:} URIs as normalised absolute paths,
 * {@code s3://}, {@code s3a://} and {@code s3p://} as one S3 scheme.
 */
final class SourceSinkOverlap {

  private SourceSinkOverlap() {}

  /** The problem with the pair, naming both keys and what to do, or empty when they are apart. */
  static Optional<String> problem(String source, String sink) {
    String from = location(source);
    String to = location(sink);
    if (from.equals(to)) {
      return Optional.of(
          "sink.path: must differ from source.path ("
              + source
              + "), or outputs would be read as input; choose a folder outside source.path");
    }
    if (to.startsWith(from)) {
      return Optional.of(
          "sink.path "
              + sink
              + " lies inside source.path "
              + source
              + ": the run would read its own output as input (a continuous run its new shards, a"
              + " rerun the shards it replaces); choose a sink.path outside source.path");
    }
    if (from.startsWith(to)) {
      return Optional.of(
          "source.path "
              + source
              + " lies inside sink.path "
              + sink
              + ": writing the channels (and sink.overwrite's clean-up) would change the input;"
              + " choose a sink.path outside source.path");
    }
    return Optional.empty();
  }

  /** The absolute location, ending in "/" so that prefixes are whole path segments. */
  static String location(String written) {
    String value = written.trim();
    int colon = value.indexOf(':');
    boolean hasScheme =
        colon > 1 && value.substring(0, colon).chars().allMatch(Character::isLetterOrDigit);
    String location;
    if (!hasScheme) {
      location = Path.of(value).toAbsolutePath().normalize().toString();
    } else {
      // Read as text, not as a java.net.URI: a path may hold spaces or run placeholders ({date}).
      String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
      String rest = value.substring(colon + 1);
      if (scheme.equals("file")) {
        int slash = rest.startsWith("//") ? rest.indexOf('/', 2) : 0;
        String path = slash < 0 ? "/" : rest.substring(slash);
        location = Path.of(path).toAbsolutePath().normalize().toString();
      } else {
        if (scheme.startsWith("s3")) {
          scheme = "s3";
        }
        String path = rest.replaceFirst("^/+", "");
        location = scheme + "://" + path.replaceAll("/+", "/");
      }
    }
    while (location.endsWith("/")) {
      location = location.substring(0, location.length() - 1);
    }
    return location + "/";
  }
}
