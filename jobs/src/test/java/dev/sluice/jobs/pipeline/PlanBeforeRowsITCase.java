package dev.sluice.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.Scenarios;
import dev.sluice.jobs.config.JobConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * In BATCH mode on Flink 2.3, the routing step of a planned split reads its broadcast plan input to
 * the end before its first row (FLINK-20491's order, kept by the operator's input selection): a row
 * routed before the plan would have no splitter and fail the job.
 */
class PlanBeforeRowsITCase {
  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path output;

  @Test
  void everyRowIsRoutedByThePlanMadeInTheSameJob() throws Exception {
    JobConfig config = Scenarios.config("demand-forecast", output);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(2);

    DataStream<RawRow> rows =
        env.fromSource(SluiceJob.source(config), WatermarkStrategy.noWatermarks(), "rows");
    List<String> channels =
        rows.connect(PlanningPass.addTo(env, config))
            .transform(
                "route by plan",
                TypeInformation.of(ChannelRecord.class),
                new RouteRecordsByPlan(config.schema(), config.split(), config.split().channels()))
            .filter(record -> !record.isAttachment())
            .map(record -> record.bucket)
            .executeAndCollect(10_000);

    Map<String, Integer> perChannel = new TreeMap<>();
    channels.forEach(channel -> perChannel.merge(channel, 1, Integer::sum));
    assertThat(channels).hasSize(7310);
    // The plan's cut-offs give train about 80% of the days; without a plan nothing is routed.
    assertThat(perChannel.get("train")).isBetween(5700, 5950);
    assertThat(perChannel).containsOnlyKeys("train", "validation", "test");
  }
}
