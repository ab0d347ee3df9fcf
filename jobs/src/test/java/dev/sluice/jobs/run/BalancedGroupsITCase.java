package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code split.group.balanced} through the whole job: groups of very different sizes are kept
 * whole, yet each channel holds its share of records (not of groups) within the tolerance.
 */
class BalancedGroupsITCase {
  private static final List<String> CHANNELS = List.of("train", "validation", "test");

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @Test
  void wholeGroupsOfSkewedSizesFillEachChannelToItsShareOfRecords() throws Exception {
    int rows = 0;
    for (int object = 0; object < 2; object++) {
      List<String> lines = new ArrayList<>();
      for (int patient = object; patient < 300; patient += 2) {
        // Sizes from 1 to 60 records, a few large patients and many small ones.
        int size = 1 + (patient * patient) % 60;
        for (int visit = 0; visit < size; visit++) {
          lines.add(
              String.format(
                  "{\"id\":\"p%d-v%d\",\"patient\":\"p%d\",\"x\":[%d.0]}",
                  patient, visit, patient, visit));
        }
      }
      rows += lines.size();
      Files.write(input.resolve("visits-" + object + ".jsonl"), lines);
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "jsonl");
    values.put("schema.id", "id");
    values.put("schema.group", "patient");
    values.put("schema.features", "x");
    values.put("split.strategy", "group");
    values.put("split.group.balanced", "true");
    values.put("split.fractions", "0.7,0.15,0.15");
    values.put("sink.path", output.toUri().toString());
    values.put("job.parallelism", "2");

    new SluiceRun(JobConfig.from(RawConfig.of(values, "test"))).run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    Map<String, String> channelOfPatient = new HashMap<>();
    Map<String, Integer> records = new HashMap<>();
    for (String channel : CHANNELS) {
      for (DecodedRecord record : out.records(channel)) {
        String patient = record.uid().substring(0, record.uid().indexOf('-'));
        assertThat(channelOfPatient.putIfAbsent(patient, channel)).isIn(null, channel);
        records.merge(channel, 1, Integer::sum);
      }
    }
    assertThat(channelOfPatient).hasSize(300);
    double[] targets = {0.7, 0.15, 0.15};
    for (int i = 0; i < 3; i++) {
      assertThat(records.get(CHANNELS.get(i)) / (double) rows)
          .as("share of records in %s", CHANNELS.get(i))
          .isCloseTo(targets[i], within(0.01));
    }
    JsonNode report = out.report();
    assertThat(report.at("/plan/within_tolerance").asBoolean()).isTrue();
    assertThat(report.at("/plan/tolerance").asDouble()).isEqualTo(0.01);
    assertThat(report.at("/warnings")).isEmpty();
  }
}
