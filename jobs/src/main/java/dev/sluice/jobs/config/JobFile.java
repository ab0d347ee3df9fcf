package dev.sluice.jobs.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.core.fs.Path;

/** A YAML job file read through Flink's filesystems, so that a file on S3 works as a local one. */
public final class JobFile {
  private JobFile() {}

  /**
   * Reads and parses the job file at {@code location}.
   *
   * @param carrier how the location was given, for messages: {@code --config} or {@code
   *     sluice.config}
   */
  public static RawConfig read(String location, String carrier) {
    String text;
    try {
      Path path = new Path(location);
      try (InputStream in = path.getFileSystem().open(path)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          List.of(carrier + " " + location + ": cannot be read (" + e.getMessage() + ")"));
    }
    return YamlConfig.parse(text, location);
  }
}
