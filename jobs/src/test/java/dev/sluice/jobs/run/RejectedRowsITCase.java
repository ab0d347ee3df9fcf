package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows end in {@code _rejected/} with the object, the line, the reason and the raw text; the
 * counts add up; and a run with too many of them fails without publishing anything as complete.
 */
class RejectedRowsITCase {

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  /** Line number (1-based, the header is line 1) to the reason its row must be rejected for. */
  private static final Map<Integer, String> BAD_LINES =
      Map.of(
          4, "wrong_column_count",
          7, "unparseable_number",
          9, "non_finite",
          12, "missing_domain",
          15, "unknown_domain",
          18, "bad_timestamp");

  @BeforeEach
  void writeInput() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("id,day,domain,x,label");
    for (int line = 2; line <= 101; line++) {
      String row = "r" + line + ",2024-01-" + String.format("%02d", 1 + line % 28) + ",clean,1.5,1";
      String reason = BAD_LINES.get(line);
      if (reason != null) {
        row =
            switch (reason) {
              case "wrong_column_count" -> "r" + line + ",2024-01-02,clean,1.5";
              case "unparseable_number" -> "r" + line + ",2024-01-02,clean,abc,1";
              case "non_finite" -> "r" + line + ",2024-01-02,clean,NaN,1";
              case "missing_domain" -> "r" + line + ",2024-01-02,,1.5,1";
              case "unknown_domain" -> "r" + line + ",2024-01-02,studio,1.5,1";
              case "bad_timestamp" -> "r" + line + ",yesterday,clean,1.5,1";
              default -> throw new IllegalStateException(reason);
            };
      }
      lines.add(row);
    }
    Files.write(input.resolve("rows.csv"), lines);
  }

  private JobConfig config(String maxRejectedFraction) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.timestamp", "day");
    values.put("schema.domain", "domain");
    values.put("schema.label", "label");
    values.put("split.strategy", "domain");
    values.put("split.domain.preset", "clean-split-noisy-mixed");
    values.put("sink.path", output.toUri().toString());
    values.put("sink.max-rejected-fraction", maxRejectedFraction);
    return JobConfig.from(RawConfig.of(values, "test"));
  }

  @Test
  void writesEachBadRowWithItsObjectLineAndReason() throws Exception {
    RunResult result = new SluiceRun(config("0.1")).run();

    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    Map<Integer, JsonNode> rejected = new HashMap<>();
    for (JsonNode row : out.rejected()) {
      rejected.put(row.get("line").asInt(), row);
    }
    assertThat(rejected).hasSize(BAD_LINES.size());
    BAD_LINES.forEach(
        (line, reason) -> {
          JsonNode row = rejected.get(line);
          assertThat(row.get("reason").asText()).as("line %d", line).isEqualTo(reason);
          assertThat(row.get("object").asText()).endsWith("rows.csv");
          assertThat(row.get("message").asText()).contains("rows.csv line " + line);
          assertThat(row.get("text").asText()).startsWith("r" + line + ",");
        });
    assertThat(result.rowsRead()).isEqualTo(100);
    assertThat(result.rowsRejected()).isEqualTo(6);
    assertThat(result.balanced()).isTrue();
    JsonNode report = out.report();
    assertThat(report.at("/rejected_by_reason/non_finite").asLong()).isEqualTo(1);
    assertThat(report.at("/rejected_by_reason/unknown_domain").asLong()).isEqualTo(1);
    assertThat(report.at("/rows/written").asLong()).isEqualTo(94);
  }

  @Test
  void tooManyRejectedRowsFailTheRunAndPublishNothingAsComplete() {
    assertThatThrownBy(() -> new SluiceRun(config("0.05")).run())
        .isInstanceOf(SluiceRun.RunFailedException.class)
        .hasMessageContaining("6 of 100 rows (0.0600) were rejected")
        .hasMessageContaining("sink.max-rejected-fraction 0.05");

    assertThat(output.resolve("_sluice/failed-report.json")).exists();
    assertThat(output.resolve("_sluice/report.json")).doesNotExist();
    assertThat(output.resolve("_sluice/input-data-config.json")).doesNotExist();
    assertThat(output.resolve("_sluice/manifests")).doesNotExist();
    // SageMaker's S3Prefix trains on whatever is under a channel prefix: a failed run leaves none.
    for (String channel : List.of("train", "validation", "test")) {
      assertThat(output.resolve(channel)).doesNotExist();
    }
  }
}
