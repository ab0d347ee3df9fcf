package dev.sluice.jobs.run;

import dev.sluice.connectors.fs.FlinkFileSystems;
import dev.sluice.connectors.fs.S3Settings;
import dev.sluice.connectors.fs.Secrets;
import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's filesystems for a process that runs the job itself: {@code java -jar sluice.jar} with its
 * mini-cluster, and the tests' MiniCluster. Such a process never calls {@code
 * FileSystem.initialize} on its own, so {@code s3://} would run with defaults or not at all; this
 * class initializes the filesystems with the job's {@code s3.*} settings before any path is read.
 *
 * <p>A job submitted through Flink's client ({@code flink run}, application mode, Managed Service
 * for Apache Flink) leaves them alone: the cluster set its filesystems up from its own {@code
 * config.yaml} and plugins, and its TaskManagers, other processes, would not see a change made
 * here. The {@code s3.*} settings belong in that {@code config.yaml} instead, and a warning says
 * so.
 */
public final class LocalFileSystems {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFileSystems.class);

  private LocalFileSystems() {}

  /** Initializes Flink's filesystems with {@code s3}, unless the job runs on a cluster. */
  public static void initialize(S3Settings s3) {
    if (submittedThroughFlinksClient()) {
      if (!s3.equals(S3Settings.defaults())) {
        LOG.warn(
            "s3.* settings apply to local runs only; on a cluster put them into Flink's"
                + " config.yaml: {}",
            Secrets.maskAll(FlinkFileSystems.toFlinkConfiguration(s3).toMap()));
      }
      return;
    }
    FlinkFileSystems.initializeForLocalRun(s3, new Configuration());
  }

  /** Whether Flink's client (or a cluster's entry point) provides the execution environment. */
  public static boolean submittedThroughFlinksClient() {
    return StreamExecutionEnvironment.getExecutionEnvironment() instanceof StreamContextEnvironment;
  }
}
