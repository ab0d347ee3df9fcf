package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A continuous run picks up objects that land while it runs; each of their records reaches its
 * channel exactly once, and a group seen again later goes where it went before.
 */
class ContinuousRunITCase {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path staging;
  @TempDir Path output;

  @Test
  void objectsLandingWhileTheJobRunsEachReachTheirChannelOnce() throws Exception {
    land("batch-0.jsonl", 0, 300);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "jsonl");
    values.put("source.monitor-interval", "500ms");
    values.put("schema.id", "id");
    values.put("schema.group", "store");
    values.put("schema.features", "x");
    values.put("schema.label", "y");
    values.put("split.strategy", "group");
    values.put("sink.path", output.toUri().toString());
    values.put("job.checkpoint-interval", "500ms");
    values.put("job.parallelism", "2");
    JobConfig config = JobConfig.from(RawConfig.of(values, "test"));

    JobClient client = new SluiceRun(config).start().client();
    try {
      ChannelOutput out = new ChannelOutput(output.toUri().toString());
      out.awaitCommitted(client, CHANNELS, 300, PATIENCE);
      Map<String, String> storeChannel = channelOfStores(out);

      // New objects land later; stores 0-29 appear again with new records.
      land("batch-1.jsonl", 300, 300);
      land("batch-2.jsonl", 600, 300);
      List<DecodedRecord> all = out.awaitCommitted(client, CHANNELS, 900, PATIENCE);

      assertThat(all.stream().map(DecodedRecord::uid).toList())
          .hasSize(900)
          .doesNotHaveDuplicates();
      Map<String, String> after = channelOfStores(out);
      storeChannel.forEach(
          (store, channel) -> assertThat(after.get(store)).as(store).isEqualTo(channel));

      // The job publishes after each checkpoint's commit: a running report, and manifests that
      // list committed shards.
      JsonNode report = awaitReportOf(out, 900);
      assertThat(report.at("/status").asText()).isEqualTo("running");
      assertThat(report.at("/audit/passed").asBoolean()).isTrue();
      for (String channel : CHANNELS) {
        JsonNode manifest = out.manifest(channel);
        for (int k = 1; k < manifest.size(); k++) {
          assertThat(output.resolve(channel).resolve(manifest.get(k).asText())).exists();
        }
      }
    } finally {
      client.cancel().get();
    }
  }

  /**
   * The report once it counts {@code rows} written: the publisher publishes after the commit that
   * the channels already show, at the latest with the next checkpoint.
   */
  private static JsonNode awaitReportOf(ChannelOutput out, long rows) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode report = null;
    while (System.nanoTime() < deadline) {
      if (out.layout().report().getFileSystem().exists(out.layout().report())) {
        report = out.report();
        if (report.at("/rows/written").asLong() >= rows) {
          return report;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no report of " + rows + " rows after " + PATIENCE + ": " + report);
  }

  /** Writes an object elsewhere, then moves it in, so the source never sees half a file. */
  private void land(String name, int first, int count) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      lines.add(
          String.format(
              "{\"id\":\"r%d\",\"store\":\"s%02d\",\"x\":[%d.0,%d.5],\"y\":%d}",
              i, i % 30, i, i, i % 3));
    }
    Path staged = staging.resolve(name);
    Files.write(staged, lines);
    Files.move(staged, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static Map<String, String> channelOfStores(ChannelOutput out) throws Exception {
    Map<String, String> stores = new HashMap<>();
    for (String channel : CHANNELS) {
      for (DecodedRecord record : out.records(channel)) {
        int id = Integer.parseInt(record.uid().substring(1));
        String store = String.format("s%02d", id % 30);
        String previous = stores.put(store, channel);
        assertThat(previous == null || previous.equals(channel))
            .as("store %s in %s and %s", store, previous, channel)
            .isTrue();
      }
    }
    return stores;
  }
}
