package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.jobs.StandaloneFlinkCluster;
import dev.sluice.testing.s3.S3TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice-managed-flink.jar} in application mode on a cluster of real processes laid out as
 * Managed Flink's: Flink and the service's runtime library on every process's classpath, the
 * application jar there too, and no plugins folder, so {@code s3://} works only through the S3
 * filesystem inside the jar. {@code ManagedFlinkMain} reads its configuration from a properties
 * file of the service's JSON shape and the run goes S3 to S3 against the test server.
 *
 * <p>The jar is on the classpath, not only in {@code usrlib/}: Flink looks for filesystems once, at
 * process start, among the classpath's and the plugins' services, so an S3 filesystem in a {@code
 * usrlib/} jar alone is never found. {@code usrlib/} holds an empty jar, because the harness's
 * application cluster, as Flink's image, always has one.
 */
class ManagedFlinkApplicationModeIT {
  private static final Duration RUN_PATIENCE = Duration.ofMinutes(5);

  @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @TempDir Path build;
  @TempDir Path home;
  @TempDir Path jobs;

  private StandaloneFlinkCluster cluster;

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Disabled(
      "Not passing yet: with sluice-managed-flink.jar on the processes' classpath the JobManager"
          + " fails to start its RPC actor system (Could not create actor system;"
          + " ClassNotFoundException for a Pekko class in Flink's RPC component classloader)."
          + " Which of the jar's bundled libraries clashes is not found yet.")
  void theManagedFlinkJarPublishesS3ToS3WithTheS3FileSystemItCarries() throws Exception {
    SpeakerRun run = SpeakerRun.writingTo(S3, "managed-flink");
    Path properties = propertiesFile(run.jobFile(jobs));
    managedFlinkLayout();

    cluster =
        StandaloneFlinkCluster.application(
            build,
            home,
            SpeakerRun.clusterSettings(S3),
            emptyJar(jobs.resolve("usrlib-placeholder.jar")),
            "dev.sluice.jobs.ManagedFlinkMain",
            List.of("--properties", properties.toString()));
    int exitCode = cluster.awaitJobManagerExit(RUN_PATIENCE);

    String log = cluster.log("jobmanager");
    assertThat(exitCode).as("the JobManager's exit code; its log:\n%s", log).isZero();
    assertThat(log).contains("down with application status SUCCEEDED");
    assertThat(home.resolve("plugins")).isEmptyDirectory();
    run.assertPublishedEveryUtteranceOnceInItsChannel();
  }

  /**
   * The jobs build's Flink classpath and lib/, plus the runtime library and the jar; no plugins.
   */
  private void managedFlinkLayout() throws IOException {
    Path cluster = Path.of(System.getProperty("sluice.cluster.dir"));
    Files.copy(cluster.resolve("classpath"), build.resolve("classpath"));
    Path lib = Files.createDirectories(build.resolve("lib"));
    for (Path folder :
        List.of(cluster.resolve("lib"), Path.of(System.getProperty("sluice.managed-flink.lib")))) {
      try (Stream<Path> jars = Files.list(folder)) {
        for (Path jar : jars.toList()) {
          Files.copy(jar, lib.resolve(jar.getFileName()));
        }
      }
    }
    Path jar = Path.of(System.getProperty("sluice.managed-flink.jar"));
    Files.copy(jar, lib.resolve(jar.getFileName()));
    Files.createDirectories(build.resolve("plugins"));
  }

  /** The group {@code sluice} naming the job file, as the template's property group does. */
  private Path propertiesFile(Path jobFile) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode groups = json.createArrayNode();
    ObjectNode sluice = groups.addObject();
    sluice.put("PropertyGroupId", "sluice");
    sluice.putObject("PropertyMap").put("sluice.config", jobFile.toString());
    Path file = jobs.resolve("application_properties.json");
    json.writeValue(file.toFile(), groups);
    return file;
  }

  private static Path emptyJar(Path file) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      return file;
    }
  }
}
