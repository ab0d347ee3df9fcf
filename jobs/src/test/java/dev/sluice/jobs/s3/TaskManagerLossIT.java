package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.StandaloneFlinkCluster;
import dev.sluice.jobs.hooks.PauseOnce;
import dev.sluice.jobs.hooks.PausingRun;
import dev.sluice.jobs.publish.OutputLayout;
import dev.sluice.testing.s3.S3RequestRecorder;
import dev.sluice.testing.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session cluster with two TaskManagers loses the one that runs part of the sink, mid-run, to
 * {@code kill -9}: no goodbye, in-progress shards and open uploads left behind. The job restarts
 * through the cluster's restart strategy on the TaskManager left, and the run ends as if nothing
 * had happened: every record once in its channel, only committed shards under the channel prefixes,
 * and the publisher ran once.
 *
 * <p>Nothing here waits on time: {@link PauseOnce} stops one subtask at its 1,000th row and names
 * its TaskManager (source, router and sink are chained, so that TaskManager runs that part of the
 * sink), the test kills exactly that process, and a restarted attempt announces itself.
 */
class TaskManagerLossIT {
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final String ROOT = "tm-loss";

  @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @TempDir Path home;
  @TempDir Path jobs;
  @TempDir Path pauses;

  private StandaloneFlinkCluster cluster;
  private S3RequestRecorder recorder;

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (recorder != null) {
      recorder.close();
    }
  }

  @Test
  void aTaskManagerKilledMidRunCostsARestartButNoRecordAndThePublisherRunsOnce() throws Exception {
    // The cluster reaches S3 through a recorder, which counts how often report.json is written.
    recorder = S3RequestRecorder.inFrontOf(S3.endpoint());
    Map<String, String> settings =
        new HashMap<>(SpeakerRun.clusterSettings(S3, recorder.endpoint()));
    settings.put("restart-strategy.type", "fixed-delay");
    settings.put("restart-strategy.fixed-delay.attempts", "3");
    settings.put("restart-strategy.fixed-delay.delay", "1 s");
    // A killed TaskManager is declared lost once two heartbeat requests to it have failed; ask
    // every 2 s rather than every 10 s so the test does not idle.
    settings.put("heartbeat.interval", "2000");
    cluster =
        StandaloneFlinkCluster.session(
            Path.of(System.getProperty("sluice.cluster.dir")), home, settings, 2);
    SpeakerRun run = SpeakerRun.writingTo(S3, ROOT);

    String jobId =
        cluster.submitAndKillClient(
            List.of(
                "-C",
                Path.of(System.getProperty("sluice.cluster.hooks")).toUri().toString(),
                "-c",
                PausingRun.class.getName(),
                System.getProperty("sluice.cluster.jar"),
                pauses.toString(),
                "1000",
                "--config",
                run.jobFile(jobs).toString()));
    long pid = Long.parseLong(awaitMarker(PauseOnce.PAUSED));
    assertThat(cluster.taskManagerPids()).hasSize(2).contains(pid);
    long killedAt = System.currentTimeMillis();
    cluster.killTaskManager(pid);

    long restartedAt = Long.parseLong(awaitMarker(PauseOnce.RESTARTED));
    String end = cluster.rest().awaitJobEnd(jobId, PATIENCE);
    System.out.printf(
        "kill -9 of TaskManager %d: a restarted attempt ran %.1f s later%n",
        pid, (restartedAt - killedAt) / 1000.0);

    assertThat(end)
        .as("the job's end; jobmanager:\n%s", cluster.log("jobmanager"))
        .isEqualTo("FINISHED");
    run.assertPublishedEveryUtteranceOnceInItsChannel();
    OutputLayout layout = run.output().layout();
    assertThat(writesOf(layout.report())).as("writes of %s", layout.report()).isEqualTo(1);
    for (String channel : S3Output.CHANNELS) {
      assertThat(writesOf(layout.manifest(channel)))
          .as("writes of %s", layout.manifest(channel))
          .isEqualTo(1);
    }
  }

  /** The content of the first marker named {@code prefix…}, once {@link PauseOnce} wrote it. */
  private String awaitMarker(String prefix) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> markers = Files.list(pauses)) {
        Optional<Path> marker =
            markers
                .filter(path -> path.getFileName().toString().startsWith(prefix))
                .filter(path -> !path.getFileName().toString().endsWith(".tmp"))
                .findFirst();
        if (marker.isPresent()) {
          return Files.readString(marker.get()).trim();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no "
            + prefix
            + " marker within "
            + PATIENCE
            + "; taskmanagers:\n"
            + cluster.log("taskmanager"));
  }

  /** How many requests created the object: a PUT, or the completion of a multipart upload. */
  private long writesOf(org.apache.flink.core.fs.Path object) {
    // Path-style requests: /bucket/key.
    String path = "/" + object.toUri().getHost() + object.toUri().getPath();
    return recorder.requests().stream()
        .filter(
            request -> {
              String[] target = request.target().split("\\?", 2);
              String query = target.length > 1 ? target[1] : "";
              return target[0].equals(path)
                  && ((request.method().equals("PUT") && !query.contains("partNumber="))
                      || (request.method().equals("POST") && query.contains("uploadId=")));
            })
        .count();
  }
}
