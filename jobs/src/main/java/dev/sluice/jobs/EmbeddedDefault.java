package dev.sluice.jobs;

import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.config.YamlConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The run Sluice makes with no configuration: the bundled demand-forecast sample (two years of
 * daily demand, split by time 80/10/10), read from local files into {@code
 * output/demand-forecast-demo} on a local mini-cluster. Not {@code output/demand-forecast}, where
 * {@code --config conf/demand-forecast.yaml} writes: the README runs one after the other, and the
 * second would refuse to write over the first's output. The sample is unpacked out of the jar
 * first, into {@code output/samples/demand-forecast}, because Flink's file source reads
 * filesystems, not the classpath; the same place every time, so reruns read (and report) the same
 * input.
 */
final class EmbeddedDefault {
  static final String CONFIG = "conf/demand-forecast.yaml";
  static final String OUTPUT = "output/demand-forecast-demo";
  static final String SAMPLE = "samples/demand-forecast/";
  static final List<String> SAMPLE_OBJECTS = List.of("demand-2023.csv", "demand-2024.csv");

  private EmbeddedDefault() {}

  static RawConfig load() {
    try {
      Path samples = Files.createDirectories(Path.of("output", SAMPLE).toAbsolutePath());
      for (String object : SAMPLE_OBJECTS) {
        try (InputStream in = resource(SAMPLE + object)) {
          Files.copy(in, samples.resolve(object), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      String yaml;
      try (InputStream in = resource(CONFIG)) {
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      RawConfig base = YamlConfig.parse(yaml, CONFIG + " (bundled)");
      return base.overriddenBy(
          RawConfig.of(
              Map.of(
                  "source.path", samples.toUri().toString(),
                  "sink.path", Path.of(OUTPUT).toAbsolutePath().toUri().toString(),
                  // The demo may be run again and again.
                  "sink.overwrite", "true"),
              "embedded default"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack the bundled sample", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = EmbeddedDefault.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not bundled in this jar");
    }
    return in;
  }
}
