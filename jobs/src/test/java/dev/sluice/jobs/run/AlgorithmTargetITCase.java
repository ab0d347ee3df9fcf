package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A run for a target algorithm: its label rules reject rows, its input mode reaches the config. */
class AlgorithmTargetITCase {
  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @Test
  void aBinaryLinearLearnerRunRejectsOtherLabelsAndDescribesItsChannels() throws Exception {
    List<String> lines = new ArrayList<>(List.of("id,x,y,label"));
    for (int i = 0; i < 400; i++) {
      // Every 100th row has a label a binary classifier cannot train on.
      String label = i % 100 == 7 ? "2" : Integer.toString(i % 2);
      lines.add("r" + i + "," + i + "," + (i * 0.5) + "," + label);
    }
    Files.write(input.resolve("rows.csv"), lines);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.label", "label");
    values.put("sink.path", output.toUri().toString());
    values.put("job.parallelism", "2");
    values.put("target.algorithm", "linear-learner");
    values.put("target.predictor-type", "binary_classifier");

    new SluiceRun(JobConfig.from(RawConfig.of(values, "test"))).run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    List<JsonNode> rejected = out.rejected();
    assertThat(rejected).hasSize(4);
    assertThat(rejected)
        .allSatisfy(
            row -> {
              assertThat(row.get("reason").asText()).isEqualTo("label_not_binary");
              assertThat(row.get("message").asText())
                  .contains("line")
                  .endsWith("expected a binary_classifier label: 0 or 1");
            });
    JsonNode report = out.report();
    assertThat(report.get("rejected_by_reason").get("label_not_binary").asLong()).isEqualTo(4);
    JsonNode estimator = report.get("estimator");
    assertThat(estimator.get("input_mode").asText()).isEqualTo("Pipe");
    assertThat(estimator.get("hyperparameters").get("feature_dim").asLong()).isEqualTo(2);
    assertThat(estimator.get("hyperparameters").get("predictor_type").asText())
        .isEqualTo("binary_classifier");
    for (JsonNode channel : out.inputDataConfig()) {
      assertThat(channel.get("InputMode").asText()).isEqualTo("Pipe");
      assertThat(channel.get("ContentType").asText()).isEqualTo("application/x-recordio-protobuf");
    }
  }
}
