package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sink.shuffle} in a continuous run: the shuffle buffer holds more records than arrive, so
 * only its emptying before each checkpoint barrier can bring them to the shards, once each.
 */
class ContinuousShuffleITCase {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path staging;
  @TempDir Path output;

  @Test
  void everyBufferedRecordIsCommittedAtTheNextCheckpointExactlyOnce() throws Exception {
    land("sorted.csv", 400);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("source.monitor-interval", "500ms");
    values.put("schema.id", "id");
    values.put("schema.label", "label");
    values.put("sink.path", output.toUri().toString());
    values.put("sink.shuffle", "true");
    values.put("sink.shuffle.buffer-records", "10000");
    values.put("job.checkpoint-interval", "500ms");
    values.put("job.parallelism", "2");
    JobConfig config = JobConfig.from(RawConfig.of(values, "test"));

    JobClient client = new SluiceRun(config).start().client();
    try {
      ChannelOutput out = new ChannelOutput(output.toUri().toString());
      List<DecodedRecord> all = out.awaitCommitted(client, CHANNELS, 400, PATIENCE);

      assertThat(all.stream().map(DecodedRecord::uid).toList())
          .hasSize(400)
          .doesNotHaveDuplicates();
    } finally {
      client.cancel().get();
    }
  }

  /** Rows sorted by label; written elsewhere, then moved in, so the source never sees half. */
  private void land(String name, int rows) throws Exception {
    List<String> lines = new ArrayList<>(List.of("id,x,y,label"));
    for (int i = 0; i < rows; i++) {
      lines.add("r" + i + "," + i + "," + (i * 0.5) + "," + (i < rows / 2 ? 0 : 1));
    }
    Path staged = staging.resolve(name);
    Files.write(staged, lines);
    Files.move(staged, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }
}
