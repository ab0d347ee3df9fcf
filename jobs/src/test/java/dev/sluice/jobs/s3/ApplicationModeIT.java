package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.StandaloneFlinkCluster;
import dev.sluice.testing.s3.S3TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Application mode, as the Kubernetes operator's {@code FlinkDeployment} and Managed Service for
 * Apache Flink run Sluice: Flink's {@code StandaloneApplicationClusterEntryPoint} runs {@code Main}
 * of the job jar in {@code usrlib/} inside the JobManager, and the cluster ends with the
 * application. How it ended is what the operator reads: the application status the entry point
 * logs, and its exit code (0 SUCCEEDED, 1443 FAILED; a JVM that Sluice ended itself through {@code
 * System.exit} would show Sluice's code instead, and Flink an application it never saw end).
 */
class ApplicationModeIT {
  private static final Duration RUN_PATIENCE = Duration.ofMinutes(5);
  private static final String ENTRY_POINT = "StandaloneApplicationClusterEntryPoint";

  @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

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
  void aGoodRunIsPublishedAndTheApplicationSucceeds() throws Exception {
    SpeakerRun run = SpeakerRun.writingTo(S3, "application");
    cluster = application(List.of("--config", run.jobFile(jobs).toString()));

    int exitCode = cluster.awaitJobManagerExit(RUN_PATIENCE);

    assertThat(exitCode)
        .as("the JobManager's exit code; its log:\n%s", cluster.log("jobmanager"))
        .isZero();
    assertThat(cluster.log("jobmanager"))
        .contains("Shutting " + ENTRY_POINT + " down with application status SUCCEEDED")
        .contains("Terminating cluster entrypoint process " + ENTRY_POINT + " with exit code 0");
    run.assertPublishedEveryUtteranceOnceInItsChannel();
  }

  @Test
  void aRunWithAMisspeltKeyFailsTheApplicationWithTheConfigurationMessage() throws Exception {
    SpeakerRun run = SpeakerRun.writingTo(S3, "misspelt");
    cluster =
        application(List.of("--config", run.jobFile(jobs, "job: {paralelism: 2}").toString()));

    int exitCode = cluster.awaitJobManagerExit(RUN_PATIENCE);

    String log = cluster.log("jobmanager");
    assertThat(exitCode)
        .as("the JobManager's exit code; its log:\n%s", log)
        .isEqualTo(StandaloneFlinkCluster.FAILED_EXIT_CODE);
    assertThat(log)
        .contains("Shutting " + ENTRY_POINT + " down with application status FAILED")
        .contains("Terminating cluster entrypoint process " + ENTRY_POINT + " with exit code 1443")
        .contains("unknown key 'job.paralelism'")
        .contains("did you mean 'job.parallelism'?");
    assertThat(S3.listKeys(TRAIN_DATA, "misspelt/")).as("objects written").isEmpty();
  }

  private StandaloneFlinkCluster application(List<String> programArguments) throws Exception {
    return StandaloneFlinkCluster.application(
        Path.of(System.getProperty("sluice.cluster.dir")),
        home,
        SpeakerRun.clusterSettings(S3),
        Path.of(System.getProperty("sluice.cluster.jar")),
        "dev.sluice.jobs.Main",
        programArguments);
  }
}
