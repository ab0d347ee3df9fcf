package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.StandaloneFlinkCluster;
import dev.sluice.testing.s3.S3TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submit and forget, on a session cluster of real processes: whoever submits the run goes away once
 * the cluster has accepted it, and the run still ends published, because its last step is part of
 * the job. Two ways teams submit: {@code flink run -d} from a scheduler or CI runner that moves on,
 * and the REST API (jar upload, then run) that the web UI and the Kubernetes operator's {@code
 * FlinkSessionJob} use, whose job client cannot even wait for the result.
 *
 * <p>"Published" is checked the moment the job is FINISHED: a training pipeline that sees the job
 * end must find {@code report.json} and the manifests, not wait for them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubmitAndForgetIT {
  private static final Duration RUN_PATIENCE = Duration.ofMinutes(4);

  @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @TempDir static Path home;
  @TempDir Path jobs;

  private static StandaloneFlinkCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster =
        StandaloneFlinkCluster.start(
            Path.of(System.getProperty("sluice.cluster.dir")),
            home,
            SpeakerRun.clusterSettings(S3));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aDetachedRunWhoseClientIsKilledOnceTheJobIsAcceptedIsPublishedWhenTheJobFinishes()
      throws Exception {
    SpeakerRun run = SpeakerRun.writingTo(S3, "detached");
    String jobId =
        cluster.submitAndKillClient(
            List.of(
                System.getProperty("sluice.cluster.jar"),
                "--config",
                run.jobFile(jobs).toString()));

    assertThat(cluster.rest().awaitJobEnd(jobId, RUN_PATIENCE))
        .as("the job's end; taskmanager:\n%s", cluster.log("taskmanager"))
        .isEqualTo("FINISHED");
    run.assertPublishedEveryUtteranceOnceInItsChannel();
  }

  // Last: a run that ends its JVM would take the session's JobManager with it.
  @Test
  @Order(2)
  void aJarUploadedAndRunOverRestIsPublishedWhenTheJobFinishes() throws Exception {
    SpeakerRun run = SpeakerRun.writingTo(S3, "rest");
    String jarId = cluster.rest().uploadJar(Path.of(System.getProperty("sluice.cluster.jar")));
    String jobId =
        cluster
            .rest()
            .runJar(
                jarId, "dev.sluice.jobs.Main", List.of("--config", run.jobFile(jobs).toString()));

    assertThat(cluster.rest().awaitJobEnd(jobId, RUN_PATIENCE))
        .as("the job's end; jobmanager:\n%s", cluster.log("jobmanager"))
        .isEqualTo("FINISHED");
    run.assertPublishedEveryUtteranceOnceInItsChannel();
  }
}
