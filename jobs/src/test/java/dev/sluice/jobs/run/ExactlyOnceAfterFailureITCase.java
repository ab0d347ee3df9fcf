package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.CsvObjects;
import dev.sluice.jobs.FailOnce;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @BeforeEach
  void writeInput() throws Exception {
    CsvObjects.write(input, 4, ROWS_PER_OBJECT);
  }

  @Test
  void everyRecordIsWrittenOnceDespiteAFailureMidway() throws Exception {
    JobConfig config = CsvObjects.job(input, output, Map.of("sink.max-shard-records", "700"));
    FailOnce failure = FailOnce.after(3_000);
    RunResult result =
        new SluiceRun(
                config,
                MiniClusters::restartingEnvironment,
                job -> job.withStepAfterSource(rows -> rows.map(failure)))
            .run();

    assertThat(failure.happened()).as("the injected failure happened").isTrue();
    ChannelOutput out = new ChannelOutput(output.toUri().toString());
    List<String> uids = new ArrayList<>();
    for (String channel : List.of("train", "validation", "test")) {
      uids.addAll(out.uidsByChannel(List.of(channel)).get(channel));
    }
    assertThat(uids).hasSize(4 * ROWS_PER_OBJECT).doesNotHaveDuplicates();
    for (String channel : List.of("train", "validation", "test")) {
      try (Stream<Path> files = Files.walk(output.resolve(channel))) {
        assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
            .as("files under %s/", channel)
            .allSatisfy(name -> assertThat(name).matches("part-.*\\.rec"));
      }
    }
    assertThat(result.rowsRead()).isEqualTo(4 * ROWS_PER_OBJECT);
    assertThat(result.balanced()).isTrue();
    assertThat(out.report().at("/status").asText()).isEqualTo("complete");
    assertThat(out.report().at("/audit/passed").asBoolean()).isTrue();
  }
}
