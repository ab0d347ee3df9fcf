package dev.sluice.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.sink.CommittedShard;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing, without a cluster: from committed shards and a tally to the files a training job
 * reads, or to a failed report and empty channel prefixes.
 */
class PublicationTest {
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @TempDir Path output;

  private final Splitter splitter = ((UnplannedSpec) RandomSplitSpec.builder().build()).splitter();

  @Test
  void aCompleteRunListsItsCommittedShardsInManifestsAndWritesTheReportLast() throws Exception {
    List<CommittedShard> committed = shardsOnDisk();
    Path stray = Files.writeString(output.resolve("train/.part-x.rec.inprogress.1"), "half");

    JsonNode report =
        new Publication(settings(0.5, false), "job-1").complete(tally(10, 0), committed, now());

    assertThat(report.at("/status").asText()).isEqualTo("complete");
    assertThat(report.at("/job_id").asText()).isEqualTo("job-1");
    assertThat(report.at("/rows/read").asLong()).isEqualTo(10);
    assertThat(stray).doesNotExist();
    JsonNode manifest = JsonFiles.read(layout().manifest("train"));
    assertThat(manifest.get(1).asText()).isEqualTo("part-0-0.rec");
    assertThat(output.resolve("_sluice/report.json")).exists();
    assertThat(output.resolve("_sluice/input-data-config.json")).exists();
    assertThat(output.resolve("_sluice/input-data-config.manifest.json")).exists();
    try (Stream<Path> files = Files.list(output.resolve("_sluice"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left beside the published ones")
          .noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void publishingAgainAfterAFailoverLeavesTheRunAsItWasPublished() throws Exception {
    List<CommittedShard> committed = shardsOnDisk();
    Publication publication = new Publication(settings(0.5, false), "job-1");
    publication.complete(tally(10, 0), committed, now());
    String first = Files.readString(output.resolve("_sluice/report.json"));

    publication.complete(tally(10, 0), committed, now().plusSeconds(60));

    assertThat(Files.readString(output.resolve("_sluice/report.json"))).isEqualTo(first);
  }

  @Test
  void aRunWithTooManyRejectsWritesAFailedReportAndLeavesNoShardUnderTheChannels()
      throws Exception {
    List<CommittedShard> committed = shardsOnDisk();

    assertThatThrownBy(
            () ->
                new Publication(settings(0.05, false), "job-1")
                    .complete(tally(10, 2), committed, now()))
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("2 of 10 rows (0.2000) were rejected")
        .hasMessageContaining("nothing was published");

    assertThat(output.resolve("_sluice/failed-report.json")).exists();
    assertThat(output.resolve("_sluice/report.json")).doesNotExist();
    assertThat(output.resolve("_sluice/manifests")).doesNotExist();
    for (String channel : CHANNELS) {
      assertThat(output.resolve(channel)).doesNotExist();
    }
    JsonNode failed = JsonFiles.read(layout().failedReport());
    assertThat(failed.at("/status").asText()).isEqualTo("failed");
    assertThat(failed.at("/failure").asText()).contains("sink.max-rejected-fraction");
  }

  @Test
  void aContinuousRunPublishesWhatIsCommittedSoFarAndKeepsTheWritersFiles() throws Exception {
    List<CommittedShard> committed = shardsOnDisk();
    Path inProgress = Files.writeString(output.resolve("train/.part-x.rec.inprogress.1"), "open");

    JsonNode report =
        new Publication(settings(0.5, true), "job-1").running(tally(10, 0), committed, now());

    assertThat(report.at("/status").asText()).isEqualTo("running");
    assertThat(report.at("/channels/0/shards").asInt()).isEqualTo(1);
    assertThat(inProgress).exists();
    assertThat(JsonFiles.read(layout().manifest("train"))).hasSize(2);
  }

  private List<CommittedShard> shardsOnDisk() throws Exception {
    List<CommittedShard> shards = new ArrayList<>();
    for (String channel : CHANNELS) {
      Path shard = output.resolve(channel).resolve("part-0-0.rec");
      Files.createDirectories(shard.getParent());
      Files.write(shard, new byte[] {1, 2, 3});
      shards.add(new CommittedShard(channel, shard.toUri().toString(), 3));
    }
    return shards;
  }

  private RunTally tally(int read, int rejected) {
    RunTally tally = new RunTally(splitter.expectations());
    for (int i = 0; i < read; i++) {
      tally.read();
      if (i < rejected) {
        tally.rejected("non_finite");
      } else {
        SplitFields fields = SplitFields.ofKey("r" + i);
        tally.auditor().record(fields, splitter.assign(fields));
      }
    }
    return tally;
  }

  private OutputLayout layout() {
    return new OutputLayout(new org.apache.flink.core.fs.Path(output.toUri()));
  }

  private PublishSettings settings(double maxRejected, boolean continuous) {
    return new PublishSettings(
        output.toUri().toString(),
        "sluice",
        Map.of(
            "split.strategy",
            "random",
            // A run's configuration holds every key, defaults included.
            "schema.timestamp-plausible-from",
            "1971-01-01",
            "schema.timestamp-plausible-until",
            "2200-01-01"),
        "random",
        0,
        CHANNELS,
        "file:/in",
        "csv",
        List.of(),
        null,
        List.of(),
        maxRejected,
        1,
        continuous,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static Instant now() {
    return Instant.parse("2026-01-01T00:01:00Z");
  }
}
