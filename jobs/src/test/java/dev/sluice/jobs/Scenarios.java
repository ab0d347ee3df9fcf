package dev.sluice.jobs;

import dev.sluice.jobs.config.ConfigFilePaths;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.config.YamlConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scenario configurations of {@code conf/}, pointed at the bundled samples and a test output.
 */
public final class Scenarios {
  private Scenarios() {}

  /** A bundled file or folder (from the jobs module's resources) as a local path. */
  public static Path bundled(String name) {
    URL url = Scenarios.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException(name + " is not bundled");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The raw configuration of {@code conf/<scenario>.yaml}, reading its sample and writing to {@code
   * output}, with extra overrides.
   */
  public static RawConfig raw(String scenario, Path output, Map<String, String> overrides) {
    return raw(scenario, sample(scenario).toUri().toString(), output.toUri().toString(), overrides);
  }

  /** The raw configuration of {@code conf/<scenario>.yaml}, reading {@code source}. */
  public static RawConfig raw(
      String scenario, String source, String sink, Map<String, String> overrides) {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("source.path", source);
    paths.put("sink.path", sink);
    paths.putAll(overrides);
    return file(scenario).overriddenBy(RawConfig.of(paths, "test"));
  }

  /** The bundled sample folder the scenario reads. */
  public static Path sample(String scenario) {
    // The file's relative paths are resolved against its (bundled) folder.
    return Path.of(file(scenario).entries().get("source.path").value());
  }

  private static RawConfig file(String scenario) {
    try {
      Path conf = bundled("conf/" + scenario + ".yaml");
      return ConfigFilePaths.resolveAgainst(
          YamlConfig.parse(Files.readString(conf), scenario + ".yaml"), conf.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JobConfig config(String scenario, Path output, Map<String, String> overrides) {
    return JobConfig.from(raw(scenario, output, overrides));
  }

  public static JobConfig config(String scenario, Path output) {
    return config(scenario, output, Map.of());
  }
}
