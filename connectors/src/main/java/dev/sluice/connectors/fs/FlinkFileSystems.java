package dev.sluice.connectors.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigConstants;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginManager;
import org.apache.flink.core.plugin.PluginUtils;

/**
 * Makes {@code s3://} paths work in a local run (the job jar under {@code java -jar}, a MiniCluster
 * in tests) by turning {@link S3Settings} into the configuration Flink's S3 filesystem ({@code
 * flink-s3-fs-hadoop}) reads and initializing Flink's filesystems with it.
 *
 * <p>Why this is needed: a Flink cluster initializes its filesystems from its own configuration and
 * plugins folder when a JobManager or TaskManager starts; a local MiniCluster never calls {@link
 * FileSystem#initialize}, so without this call {@code s3://} either fails ("no file system
 * implementation for scheme s3") or runs with defaults. On a cluster, do not call it: put the same
 * keys ({@link #toFlinkConfiguration}) into Flink's configuration instead.
 *
 * <p>Where the S3 filesystem comes from: from a plugins folder ({@code FLINK_PLUGINS_DIR}, default
 * {@code ./plugins}) when that folder holds a plugin, exactly as on a cluster; otherwise from the
 * classpath, where the local job jar carries {@code flink-s3-fs-hadoop}.
 */
public final class FlinkFileSystems {
  // The constants below are the S3 filesystem's own option names, which Sluice writes into Flink's
  // configuration; they are not Sluice keys. Sluice's keys are declared by S3Settings (and the
  // jobs module's SluiceKeys): s3.path-style-access there, s3.path.style.access here.

  /** Flink's key for a non-AWS endpoint (mirrored to {@code fs.s3a.endpoint}). */
  public static final String FLINK_S3_ENDPOINT = "s3.endpoint";

  /** Flink's key for path-style access (mirrored to {@code fs.s3a.path.style.access}). */
  public static final String FLINK_S3_PATH_STYLE_ACCESS = "s3.path.style.access";

  /** Flink's key for the access key (mirrored to {@code fs.s3a.access.key}). */
  public static final String FLINK_S3_ACCESS_KEY = "s3.access-key";

  /** Flink's key for the secret key (mirrored to {@code fs.s3a.secret.key}). */
  public static final String FLINK_S3_SECRET_KEY = "s3.secret-key";

  /** Hadoop S3A's signing region, passed through as is. */
  public static final String REGION = "fs.s3a.endpoint.region";

  /** Hadoop S3A's credential providers, passed through as is. */
  public static final String CREDENTIALS_PROVIDER = "fs.s3a.aws.credentials.provider";

  /**
   * The AWS SDK v1 default chain inside flink-s3-fs-hadoop: environment, system properties, web
   * identity (EKS), profile, container and instance credentials. Hadoop's own default list lacks
   * the profile and web identity, so Sluice names the full chain.
   */
  public static final String DEFAULT_CREDENTIALS_CHAIN =
      "com.amazonaws.auth.DefaultAWSCredentialsProviderChain";

  /** Hadoop S3A's encryption algorithm (3.3+ name): {@code AES256} (SSE-S3) or {@code SSE-KMS}. */
  public static final String ENCRYPTION_ALGORITHM = "fs.s3a.encryption.algorithm";

  /** Hadoop S3A's KMS key for {@code SSE-KMS}. */
  public static final String ENCRYPTION_KEY = "fs.s3a.encryption.key";

  private FlinkFileSystems() {}

  /** The Flink configuration entries that make flink-s3-fs-hadoop use these settings. */
  public static Configuration toFlinkConfiguration(S3Settings s3) {
    Configuration config = new Configuration();
    s3.endpoint().ifPresent(endpoint -> config.setString(FLINK_S3_ENDPOINT, endpoint.toString()));
    config.setString(FLINK_S3_PATH_STYLE_ACCESS, Boolean.toString(s3.pathStyleAccess()));
    s3.region().ifPresent(region -> config.setString(REGION, region));
    if (s3.hasExplicitCredentials()) {
      config.setString(FLINK_S3_ACCESS_KEY, s3.accessKey().orElseThrow());
      config.setString(FLINK_S3_SECRET_KEY, s3.secretKey().orElseThrow());
    } else {
      config.setString(CREDENTIALS_PROVIDER, DEFAULT_CREDENTIALS_CHAIN);
    }
    switch (s3.encryption()) {
      case NONE -> {}
      case SSE_S3 -> config.setString(ENCRYPTION_ALGORITHM, "AES256");
      case SSE_KMS -> {
        config.setString(ENCRYPTION_ALGORITHM, "SSE-KMS");
        s3.kmsKeyId().ifPresent(key -> config.setString(ENCRYPTION_KEY, key));
      }
    }
    return config;
  }

  /**
   * Initializes Flink's filesystems for a local run: {@code base} (e.g. the job's Flink settings)
   * plus the S3 entries from {@code s3}, which win. Call it once before the job touches a path.
   */
  public static void initializeForLocalRun(S3Settings s3, Configuration base) {
    Configuration config = new Configuration(base);
    config.addAll(toFlinkConfiguration(s3));
    PluginManager plugins =
        holdsAPlugin(pluginsFolder())
            ? PluginUtils.createPluginManagerFromRootFolder(config)
            : null;
    // A null plugin manager means: the filesystem factories on the classpath only.
    FileSystem.initialize(config, plugins);
  }

  /** Where Flink looks for plugins: {@code $FLINK_PLUGINS_DIR}, else {@code ./plugins}. */
  static Path pluginsFolder() {
    return Path.of(System.getenv().getOrDefault(ConfigConstants.ENV_FLINK_PLUGINS_DIR, "plugins"));
  }

  /** Whether the folder holds at least one plugin (a sub-folder), as Flink lays them out. */
  static boolean holdsAPlugin(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> plugins = Files.list(folder)) {
      return plugins.anyMatch(Files::isDirectory);
    } catch (IOException e) {
      return false;
    }
  }
}
