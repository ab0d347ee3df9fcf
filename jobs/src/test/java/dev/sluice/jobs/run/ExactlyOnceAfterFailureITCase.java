package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.source.RawRow;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded run whose dataflow fails once after some records, then restarts: the published channels
 * hold every record exactly once, and nothing the failed attempt left behind stays under a channel
 * prefix.
 */
class ExactlyOnceAfterFailureITCase {
  private static final int ROWS_PER_OBJECT = 5_000;

  /** Set by the first failure, so the restarted attempt runs through. Tests only. */
  private static final AtomicBoolean FAILED = new AtomicBoolean();

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @BeforeEach
  void writeInput() throws Exception {
    FAILED.set(false);
    for (int object = 0; object < 4; object++) {
      List<String> lines = new ArrayList<>();
      lines.add("id,x,y,label");
      for (int i = 0; i < ROWS_PER_OBJECT; i++) {
        lines.add("r" + object + "-" + i + "," + i + "," + (i * 0.5) + "," + (i % 2));
      }
      Files.write(input.resolve("part-" + object + ".csv"), lines);
    }
  }

  @Test
  void everyRecordIsWrittenOnceDespiteAFailureMidway() throws Exception {
    JobConfig config =
        JobConfig.from(
            RawConfig.of(
                Map.of(
                    "source.path", input.toUri().toString(),
                    "source.format", "csv",
                    "schema.id", "id",
                    "schema.label", "label",
                    "sink.path", output.toUri().toString(),
                    "sink.max-shard-records", "700",
                    "job.parallelism", "2"),
                "test"));
    Configuration restarts = new Configuration();
    restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    restarts.set(
        RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofMillis(50));

    SluiceRun.RunResult result =
        new SluiceRun(
                config,
                () -> StreamExecutionEnvironment.getExecutionEnvironment(restarts),
                job -> job.withStepAfterSource(rows -> rows.map(new FailOnceAfter(3_000))))
            .run();

    assertThat(FAILED).as("the injected failure happened").isTrue();
    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    List<String> uids = new ArrayList<>();
    for (String channel : List.of("train", "validation", "test")) {
      uids.addAll(out.uidsByChannel(List.of(channel)).get(channel));
    }
    assertThat(uids).hasSize(4 * ROWS_PER_OBJECT).doesNotHaveDuplicates();
    assertThat(result.counts().rowsRead()).isEqualTo(4 * ROWS_PER_OBJECT);
    assertThat(result.counts().balanced()).isTrue();
    assertThat(out.report().at("/status").asText()).isEqualTo("complete");
    assertThat(out.report().at("/audit/passed").asBoolean()).isTrue();
  }

  /** Passes rows on, but the first instance to see {@code after} rows fails, once per test. */
  static final class FailOnceAfter extends RichMapFunction<RawRow, RawRow> {
    private static final long serialVersionUID = 1L;
    private final int after;
    private transient int seen;

    FailOnceAfter(int after) {
      this.after = after;
    }

    @Override
    public void open(OpenContext context) {
      seen = 0;
    }

    @Override
    public RawRow map(RawRow row) {
      if (++seen == after && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after " + after + " rows");
      }
      return row;
    }
  }
}
