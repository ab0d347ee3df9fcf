package dev.sluice.connectors.fs;

import dev.sluice.testing.s3.S3TestServer;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Flink's filesystems set up for the test S3 server before a test class, and back to the defaults
 * after it, as a local run sets them up ({@link FlinkFileSystems#initializeForLocalRun}). Register
 * it after the {@link S3TestServer}, whose endpoint it needs:
 *
 * <pre>{@code
 * @Order(1) @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets("raw");
 * @Order(2) @RegisterExtension static final FlinkS3FileSystems FS = FlinkS3FileSystems.of(S3);
 * }</pre>
 */
final class FlinkS3FileSystems implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<S3Settings> settings;

  private FlinkS3FileSystems(Supplier<S3Settings> settings) {
    this.settings = settings;
  }

  /** The server's endpoint and keys, path-style access. */
  static FlinkS3FileSystems of(S3TestServer server) {
    return with(() -> TestS3.settings(server));
  }

  /** Other settings, read once the server runs. */
  static FlinkS3FileSystems with(Supplier<S3Settings> settings) {
    return new FlinkS3FileSystems(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    FlinkFileSystems.initializeForLocalRun(settings.get(), new Configuration());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FileSystem.initialize(new Configuration(), null);
  }
}
