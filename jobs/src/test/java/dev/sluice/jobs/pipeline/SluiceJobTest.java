package dev.sluice.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.Scenarios;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.publish.PublishSettings;
import dev.sluice.splitters.UnplannedSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape of the dataflow: what runs where, before any record flows. */
class SluiceJobTest {
  @TempDir Path output;

  @Test
  void withoutTheShuffleRecordsFlowThroughOneChainFromSourceToShardWriters() {
    JobConfig config = Scenarios.config("speech-speakers", output, Map.of("sink.shuffle", "false"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    SluiceJob.forConfig(config, ((UnplannedSpec) config.split()).splitter(), publishing(config))
        .addTo(env);

    JobGraph graph = env.getStreamGraph().getJobGraph();

    List<String> vertices = new ArrayList<>();
    for (JobVertex vertex : graph.getVertices()) {
      vertices.add(vertex.getName());
    }
    // Records flow through one chain; the committers that follow receive only the writers'
    // committables (which shard files to publish), never records, and the one publisher after the
    // channels' committer receives only what was committed.
    assertThat(vertices)
        .containsExactlyInAnyOrder(
            "Source: raw objects -> parse, split, encode -> (channels: Writer, rejected rows as"
                + " JSON -> rejected rows: Writer)",
            "channels: Committer",
            "rejected rows: Committer",
            "channels: publish");
  }

  @Test
  void theShuffleSortsRecordsBetweenTheRoutingChainAndTheShardWriters() {
    JobConfig config = Scenarios.config("speech-speakers", output);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    SluiceJob.forConfig(config, ((UnplannedSpec) config.split()).splitter(), publishing(config))
        .addTo(env);

    List<String> vertices = new ArrayList<>();
    for (JobVertex vertex : env.getStreamGraph().getJobGraph().getVertices()) {
      vertices.add(vertex.getName());
    }
    // The one exchange records cross is the keyed one BATCH mode sorts, inside the channel sink.
    assertThat(vertices)
        .containsExactlyInAnyOrder(
            "Source: raw objects -> parse, split, encode -> (channels: records off the reused"
                + " buffer, rejected rows as JSON -> rejected rows: Writer)",
            "channels: shuffle: sorted by seeded hash -> channels: Writer",
            "channels: Committer",
            "rejected rows: Committer",
            "channels: publish");
  }

  private PublishSettings publishing(JobConfig config) {
    return new PublishSettings(
        output.toUri().toString(),
        "sluice",
        Map.of(),
        "group",
        0,
        List.of("train", "validation", "test"),
        config.source().path(),
        "jsonl",
        List.of(),
        null,
        List.of(),
        0.01,
        1,
        false,
        Instant.now());
  }
}
