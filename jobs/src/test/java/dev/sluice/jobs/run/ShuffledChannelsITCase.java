package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.publish.ChannelShards;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sink.shuffle}: input sorted by label reaches every channel mixed, in an order the seed
 * decides and nothing else; and {@code sink.format csv} holds the same records as RecordIO.
 */
class ShuffledChannelsITCase {
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path work;

  @Test
  void inputSortedByLabelComesOutMixedInEveryChannel() throws Exception {
    writeSortedByLabel(4, 600);

    ChannelOutput out = run("shuffled", Map.of());

    for (String channel : CHANNELS) {
      List<Integer> labels = labels(out.records(channel));
      assertThat(labels).as("labels of %s", channel).contains(0, 1);
      assertThat(longestRun(labels))
          .as("longest run of equal labels in %s", channel)
          .isLessThanOrEqualTo(40);
    }
  }

  @Test
  void withoutTheShuffleTheSameInputStaysInLongRuns() throws Exception {
    writeSortedByLabel(4, 600);

    ChannelOutput out = run("in-order", Map.of("sink.shuffle", "false"));

    assertThat(longestRun(labels(out.records("train")))).isGreaterThan(40);
  }

  @Test
  void theSameInputConfigurationAndSeedGiveTheSameBytes() throws Exception {
    writeSortedByLabel(4, 300);

    Map<String, List<String>> first = shardBytes(run("first", Map.of("sink.shuffle.seed", "5")));
    Map<String, List<String>> second = shardBytes(run("second", Map.of("sink.shuffle.seed", "5")));

    assertThat(first.values()).allSatisfy(shards -> assertThat(shards).isNotEmpty());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theSeedDecidesTheOrder() throws Exception {
    writeSortedByLabel(2, 300);

    List<String> seed1 =
        uids(run("seed-1", Map.of("sink.shuffle.seed", "1", "job.parallelism", "1")));
    List<String> seed2 =
        uids(run("seed-2", Map.of("sink.shuffle.seed", "2", "job.parallelism", "1")));

    assertThat(seed2).containsExactlyInAnyOrderElementsOf(seed1).isNotEqualTo(seed1);
  }

  @Test
  void csvOutputReadsBackAsTheRecordIOOutputRecordForRecord() throws Exception {
    writeSortedByLabel(2, 200);
    // One writer, so both formats put each channel in one shuffled sequence, by uid hash.
    ChannelOutput recordIO = run("recordio", Map.of("job.parallelism", "1"));
    ChannelOutput csv = run("csv", Map.of("job.parallelism", "1", "sink.format", "csv"));

    for (String channel : CHANNELS) {
      List<String> expected = new ArrayList<>();
      for (DecodedRecord record : recordIO.records(channel)) {
        StringBuilder row = new StringBuilder();
        row.append(record.label().get("values").floats()[0]);
        for (float value : record.features().get("values").floats()) {
          row.append(',').append(value);
        }
        expected.add(row.toString());
      }
      List<String> rows = csvRows(csv, channel);
      assertThat(rows).as("rows of %s", channel).hasSize(expected.size());
      for (int i = 0; i < rows.size(); i++) {
        String[] cells = rows.get(i).split(",", -1);
        String[] wanted = expected.get(i).split(",", -1);
        assertThat(cells).hasSameSizeAs(wanted);
        for (int c = 0; c < cells.length; c++) {
          assertThat(Float.parseFloat(cells[c])).isEqualTo(Float.parseFloat(wanted[c]));
        }
      }
    }
    JsonNode inputDataConfig = csv.inputDataConfig();
    assertThat(inputDataConfig.get(0).get("ContentType").asText()).isEqualTo("text/csv");
  }

  @Test
  void theReportDescribesEachChannelForTheEstimator() throws Exception {
    writeSortedByLabel(2, 200);

    ChannelOutput out = run("report", Map.of());

    JsonNode estimator = out.report().get("estimator");
    assertThat(estimator.get("content_type").asText()).isEqualTo("application/x-recordio-protobuf");
    assertThat(estimator.get("hyperparameters").get("feature_dim").asLong()).isEqualTo(2);
    long total = 0;
    for (String channel : CHANNELS) {
      JsonNode figures = estimator.get("channels").get(channel);
      long records = out.records(channel).size();
      total += records;
      assertThat(figures.get("num_records").asLong()).isEqualTo(records);
      assertThat(figures.get("feature_dim").asLong()).isEqualTo(2);
      assertThat(figures.get("label").get("type").asText()).isEqualTo("integer");
      JsonNode counts = figures.get("label").get("value_counts");
      assertThat(counts.get("0").asLong() + counts.get("1").asLong()).isEqualTo(records);
      JsonNode recordSet = figures.get("record_set");
      assertThat(recordSet.get("channel").asText()).isEqualTo(channel);
      assertThat(recordSet.get("s3_data_type").asText()).isEqualTo("ManifestFile");
      assertThat(recordSet.get("s3_data").asText())
          .endsWith("/_sluice/manifests/" + channel + ".manifest");
      assertThat(recordSet.get("num_records").asLong()).isEqualTo(records);
    }
    assertThat(total).isEqualTo(400);
  }

  /** Objects of {@code rows} rows each; the first half of the objects labelled 0, the rest 1. */
  private void writeSortedByLabel(int objects, int rows) throws IOException {
    for (int object = 0; object < objects; object++) {
      List<String> lines = new ArrayList<>(List.of("id,x,y,label"));
      int label = object < objects / 2 ? 0 : 1;
      for (int i = 0; i < rows; i++) {
        lines.add("r" + object + "-" + i + "," + i + "," + (i * 0.5) + "," + label);
      }
      Files.write(input.resolve("part-" + object + ".csv"), lines);
    }
  }

  private ChannelOutput run(String name, Map<String, String> settings) throws Exception {
    Path output = work.resolve(name);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.label", "label");
    values.put("sink.path", output.toUri().toString());
    values.put("job.parallelism", "2");
    values.putAll(settings);
    new SluiceRun(JobConfig.from(RawConfig.of(values, "test"))).run();
    return new ChannelOutput(output.toUri().toString());
  }

  private static List<Integer> labels(List<DecodedRecord> records) {
    return records.stream().map(r -> (int) r.label().get("values").floats()[0]).toList();
  }

  private static List<String> uids(ChannelOutput out) throws IOException {
    List<String> uids = new ArrayList<>();
    for (String channel : CHANNELS) {
      out.records(channel).forEach(r -> uids.add(r.uid()));
    }
    return uids;
  }

  static int longestRun(List<Integer> labels) {
    int longest = 0;
    int run = 0;
    Integer previous = null;
    for (Integer label : labels) {
      run = label.equals(previous) ? run + 1 : 1;
      previous = label;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /**
   * Each channel's shards as Base64, in order of their bytes: a shard's name holds a random id of
   * its writer, its bytes must not differ.
   */
  private static Map<String, List<String>> shardBytes(ChannelOutput out) throws IOException {
    Map<String, List<String>> bytes = new LinkedHashMap<>();
    for (String channel : CHANNELS) {
      org.apache.flink.core.fs.Path prefix = out.layout().channel(channel);
      List<String> shards = new ArrayList<>();
      for (ChannelShards.Shard shard : ChannelShards.list(prefix)) {
        byte[] content = read(new org.apache.flink.core.fs.Path(prefix, shard.relativeKey()));
        shards.add(Base64.getEncoder().encodeToString(content));
      }
      shards.sort(String::compareTo);
      bytes.put(channel, shards);
    }
    return bytes;
  }

  private static List<String> csvRows(ChannelOutput out, String channel) throws IOException {
    List<String> rows = new ArrayList<>();
    org.apache.flink.core.fs.Path prefix = out.layout().channel(channel);
    for (ChannelShards.Shard shard : ChannelShards.list(prefix)) {
      assertThat(shard.relativeKey()).endsWith(".csv");
      String text =
          new String(
              read(new org.apache.flink.core.fs.Path(prefix, shard.relativeKey())),
              java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(text).endsWith("\n");
      rows.addAll(List.of(text.split("\n")));
    }
    return rows;
  }

  private static byte[] read(org.apache.flink.core.fs.Path file) throws IOException {
    try (InputStream in = file.getFileSystem().open(file)) {
      return in.readAllBytes();
    }
  }
}
