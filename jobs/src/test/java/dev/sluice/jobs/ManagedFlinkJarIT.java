package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code sluice-managed-flink.jar} is what Managed Flink needs: its entry point, the
 * S3 filesystem inside (the service has no plugins folder), Flink and the runtime library left to
 * the service, and no {@code config.properties} at its root, which would hide the runtime library's
 * own.
 */
class ManagedFlinkJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("sluice.managed-flink.jar", "target/sluice-managed-flink.jar"));

  @Test
  void theJarStartsTheManagedFlinkEntryPointAndCarriesTheS3FileSystem() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.sluice.jobs.ManagedFlinkMain");
      assertThat(jar.getEntry("org/apache/flink/fs/s3hadoop/S3FileSystemFactory.class"))
          .isNotNull();
      try (InputStream services =
          jar.getInputStream(
              jar.getEntry("META-INF/services/org.apache.flink.core.fs.FileSystemFactory"))) {
        assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8))
            .contains("org.apache.flink.fs.s3hadoop.S3FileSystemFactory");
      }
    }
  }

  @Test
  void theJarLeavesFlinkAndTheRuntimeLibraryToTheServiceAndHasNoConfigProperties()
      throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getEntry("config.properties")).isNull();
      assertThat(
              jar.getEntry(
                  "com/amazonaws/services/kinesisanalytics/runtime/KinesisAnalyticsRuntime.class"))
          .isNull();
      assertThat(
              jar.getEntry(
                  "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
          .isNull();
      assertThat(jar.getEntry("org/apache/flink/runtime/jobgraph/JobGraph.class")).isNull();
    }
    System.out.printf("sluice-managed-flink.jar: %,d bytes%n", Files.size(JAR));
  }
}
