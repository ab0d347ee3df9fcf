package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One large object read whole or as byte ranges of several sizes, by one reader or two: every
 * record lands in the same channel under the same uid ({@code <object>:<line>}, so line numbers
 * stay exact), and the same rows are rejected at the same lines.
 */
class SplitReadsITCase {

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  /** Split size and parallelism of each run; the first reads the object whole. */
  private static final List<String[]> RUNS =
      List.of(
          new String[] {"1gb", "1"},
          new String[] {"1kb", "2"},
          new String[] {"7kb", "1"},
          new String[] {"3333b", "2"});

  @TempDir Path input;
  @TempDir Path work;

  /** What a run wrote: uid to channel, and the rejected rows as "line reason". */
  private record Outcome(Map<String, String> channelOfUid, TreeSet<String> rejected) {}

  private Outcome run(Map<String, String> settings, String splitSize, String parallelism)
      throws Exception {
    Path output = work.resolve("out-" + splitSize + "-" + parallelism);
    Map<String, String> values = new LinkedHashMap<>(settings);
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("sink.path", output.toUri().toString());
    values.put("source.split-size", splitSize);
    values.put("job.parallelism", parallelism);
    values.put("sink.max-rejected-fraction", "0.5");
    new SluiceRun(JobConfig.from(RawConfig.of(values, "test"))).run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    Map<String, String> channelOfUid = new TreeMap<>();
    out.uidsByChannel(CHANNELS)
        .forEach((channel, uids) -> uids.forEach(uid -> channelOfUid.put(uid, channel)));
    TreeSet<String> rejected = new TreeSet<>();
    for (JsonNode row : out.rejected()) {
      rejected.add(row.get("line").asLong() + " " + row.get("reason").asText());
    }
    return new Outcome(channelOfUid, rejected);
  }

  private List<Outcome> runAll(Map<String, String> settings) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (String[] run : RUNS) {
      outcomes.add(run(settings, run[0], run[1]));
    }
    return outcomes;
  }

  /** The line numbers of uids {@code <object>:<line>}. */
  private static TreeSet<Long> lines(Map<String, String> channelOfUid) {
    TreeSet<Long> lines = new TreeSet<>();
    for (String uid : channelOfUid.keySet()) {
      lines.add(Long.parseLong(uid.substring(uid.lastIndexOf(':') + 1)));
    }
    return lines;
  }

  @Test
  void everyRecordOfACsvObjectWithAHeaderKeepsItsChannelWhateverTheSplitSizeAndParallelism()
      throws Exception {
    StringBuilder csv = new StringBuilder("label,a,b,c\r\n");
    TreeSet<Long> goodLines = new TreeSet<>();
    long line = 1;
    for (int i = 0; i < 3000; i++) {
      line++;
      if (i % 250 == 7) {
        csv.append(i % 2).append(",oops,1,2\n"); // a bad number
      } else if (i % 97 == 3) {
        csv.append("\n"); // blank, counted
      } else {
        csv.append(i % 2).append(',').append(i * 0.25).append(",-").append(i).append(",1e-3");
        csv.append(i % 5 == 0 ? "\r\n" : "\n");
        goodLines.add(line);
      }
    }
    Files.writeString(input.resolve("big.csv"), csv, StandardCharsets.UTF_8);

    List<Outcome> outcomes = runAll(Map.of("schema.label", "label"));

    Outcome whole = outcomes.get(0);
    assertThat(lines(whole.channelOfUid())).isEqualTo(goodLines);
    assertThat(whole.rejected()).hasSize(12).allMatch(r -> r.endsWith(" unparseable_number"));
    assertThat(new TreeSet<>(whole.channelOfUid().values()))
        .containsExactlyElementsOf(new TreeSet<>(CHANNELS));
    for (int i = 1; i < outcomes.size(); i++) {
      assertThat(outcomes.get(i))
          .as("split size %s, parallelism %s", RUNS.get(i)[0], RUNS.get(i)[1])
          .isEqualTo(whole);
    }
  }

  @Test
  void headerlessRowsAreCountedAgainstTheObjectsFirstRowInEveryRange() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      csv.append(i % 3).append(',').append(i).append(',').append(i * 2);
      // Every 150th row has a column too many: rejected at its own line in every reading.
      csv.append(i % 150 == 149 ? ",9\n" : "\n");
    }
    Files.writeString(input.resolve("headerless.csv"), csv, StandardCharsets.UTF_8);

    List<Outcome> outcomes = runAll(Map.of("source.csv.header", "false", "schema.label", "#0"));

    Outcome whole = outcomes.get(0);
    assertThat(whole.channelOfUid()).hasSize(2000 - 13);
    assertThat(whole.rejected())
        .hasSize(13)
        .allMatch(r -> r.endsWith(" wrong_column_count"))
        .contains("150 wrong_column_count", "1950 wrong_column_count");
    for (int i = 1; i < outcomes.size(); i++) {
      assertThat(outcomes.get(i))
          .as("split size %s, parallelism %s", RUNS.get(i)[0], RUNS.get(i)[1])
          .isEqualTo(whole);
    }
  }
}
