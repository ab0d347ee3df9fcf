package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.connectors.protobuf.RecordDecoder;
import dev.sluice.connectors.recordio.DmlcRecordIOSplit;
import dev.sluice.connectors.recordio.RecordIOReader;
import dev.sluice.jobs.publish.ChannelShards;
import dev.sluice.jobs.publish.JsonFiles;
import dev.sluice.jobs.publish.OutputLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;

/**
 * Reads a run's output back the way a training job would: every committed shard of every channel,
 * decoded with Sluice's reader and, independently, split the way dmlc's InputSplit splits a file.
 */
public final class ChannelOutput {
  private final OutputLayout layout;

  public ChannelOutput(String root) {
    this.layout = new OutputLayout(new Path(root));
  }

  public OutputLayout layout() {
    return layout;
  }

  /** The records of one channel, in shard order; checks every shard under dmlc's rules too. */
  public List<DecodedRecord> records(String channel) throws IOException {
    List<DecodedRecord> records = new ArrayList<>();
    Path prefix = layout.channel(channel);
    for (ChannelShards.Shard shard : ChannelShards.list(prefix)) {
      Path file = new Path(prefix, shard.relativeKey());
      byte[] bytes;
      try (InputStream in = file.getFileSystem().open(file)) {
        bytes = in.readAllBytes();
      }
      List<byte[]> payloads = new ArrayList<>();
      try (RecordIOReader reader =
          new RecordIOReader(new ByteArrayInputStream(bytes), file.toString())) {
        while (reader.next()) {
          payloads.add(reader.record());
          records.add(RecordDecoder.decode(reader.buffer(), 0, reader.length()));
        }
      }
      // dmlc's InputSplit over 3 parts must see the same records, each once.
      List<byte[]> viaDmlc = new ArrayList<>();
      for (int part = 0; part < 3; part++) {
        viaDmlc.addAll(DmlcRecordIOSplit.readPart(bytes, part, 3, file.toString()));
      }
      assertThat(viaDmlc).as("dmlc InputSplit of %s", file).hasSize(payloads.size());
      for (int i = 0; i < payloads.size(); i++) {
        assertThat(viaDmlc.get(i)).isEqualTo(payloads.get(i));
      }
    }
    return records;
  }

  /**
   * The records committed so far, once the channels hold at least {@code expected} of them: a
   * continuous run commits at checkpoints. Fails if the job stops running, or after {@code
   * patience}.
   */
  public List<DecodedRecord> awaitCommitted(
      JobClient client, List<String> channels, int expected, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    List<DecodedRecord> committed = List.of();
    while (System.nanoTime() < deadline) {
      assertThat(client.getJobStatus().get())
          .isIn(JobStatus.CREATED, JobStatus.INITIALIZING, JobStatus.RUNNING, JobStatus.RESTARTING);
      committed = new ArrayList<>();
      for (String channel : channels) {
        committed.addAll(records(channel));
      }
      if (committed.size() >= expected) {
        return committed;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "only " + committed.size() + " of " + expected + " records committed after " + patience);
  }

  /** Channel to the uids of its records. */
  public Map<String, List<String>> uidsByChannel(List<String> channels) throws IOException {
    Map<String, List<String>> uids = new LinkedHashMap<>();
    for (String channel : channels) {
      uids.put(channel, records(channel).stream().map(DecodedRecord::uid).toList());
    }
    return uids;
  }

  public JsonNode report() throws IOException {
    return JsonFiles.read(layout.report());
  }

  public JsonNode manifest(String channel) throws IOException {
    return JsonFiles.read(layout.manifest(channel));
  }

  public JsonNode inputDataConfig() throws IOException {
    return JsonFiles.read(layout.inputDataConfig());
  }

  /** The rejected rows, as JSON objects. */
  public List<JsonNode> rejected() throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    Path folder = layout.rejected();
    if (!folder.getFileSystem().exists(folder)) {
      return rows;
    }
    for (var status : folder.getFileSystem().listStatus(folder)) {
      if (status.getPath().getName().startsWith("rejected-")) {
        try (InputStream in = status.getPath().getFileSystem().open(status.getPath())) {
          for (String line :
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
              rows.add(JsonFiles.mapper().readTree(line));
            }
          }
        }
      }
    }
    return rows;
  }
}
