package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink metrics a dashboard reads: records written per channel and rows rejected per reason,
 * summed over subtasks, agree with what the run wrote and rejected.
 */
class MetricsITCase {
  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .build());

  @TempDir Path input;
  @TempDir Path output;

  @Test
  void countersPerChannelAndPerRejectReasonAddUpToTheRun() throws Exception {
    List<String> lines = new ArrayList<>(List.of("id,x,label"));
    for (int i = 0; i < 1_000; i++) {
      lines.add("r" + i + "," + (i % 7 == 0 ? "NaN" : i + ".5") + "," + (i % 2));
    }
    lines.add("r-short,1.5");
    Files.write(input.resolve("rows.csv"), lines);
    JobConfig config =
        JobConfig.from(
            RawConfig.of(
                Map.of(
                    "source.path", input.toUri().toString(),
                    "source.format", "csv",
                    "schema.id", "id",
                    "schema.label", "label",
                    "sink.path", output.toUri().toString(),
                    "sink.max-rejected-fraction", "0.5",
                    "job.parallelism", "2"),
                "test"));

    JobClient client = new SluiceRun(config).start().client();
    client.getJobExecutionResult().get();
    RunResult counts =
        new RunResult(
            null,
            dev.sluice.jobs.publish.JsonFiles.read(
                new dev.sluice.jobs.publish.OutputLayout(
                        new org.apache.flink.core.fs.Path(output.toUri()))
                    .report()));
    JobID job = client.getJobID();

    long written = 0;
    for (String channel : List.of("train", "validation", "test")) {
      long records = sum(job, "sluice.channel." + channel, "records");
      assertThat(records).as("records metric of %s", channel).isPositive();
      written += records;
    }
    assertThat(written).isEqualTo(counts.rowsWritten());
    assertThat(sum(job, "sluice.reject_reason.non_finite", "rows")).isEqualTo(143);
    assertThat(sum(job, "sluice.reject_reason.wrong_column_count", "rows")).isEqualTo(1);
  }

  /** A counter summed over every subtask that reports it, found by its group's scope. */
  private static long sum(JobID job, String scope, String name) {
    long total = 0;
    int found = 0;
    for (var group : METRICS.getMetricsByGroup().entrySet()) {
      String groupScope = String.join(".", group.getKey().getScopeComponents());
      boolean ofThisJob = job.toString().equals(group.getKey().getAllVariables().get("<job_id>"));
      if (ofThisJob
          && groupScope.endsWith(scope)
          && group.getValue().get(name) instanceof Counter counter) {
        total += counter.getCount();
        found++;
      }
    }
    assertThat(found).as("subtasks reporting %s.%s", scope, name).isPositive();
    return total;
  }
}
