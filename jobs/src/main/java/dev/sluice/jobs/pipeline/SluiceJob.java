package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.RejectedRow;
import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.sink.ChannelShuffle;
import dev.sluice.connectors.sink.ChannelSink;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.RawRowSources;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.publish.OutputLayout;
import dev.sluice.jobs.publish.PublishSettings;
import dev.sluice.jobs.publish.PublishStep;
import dev.sluice.splitters.Splitter;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The Sluice dataflow: raw objects → parse, split, encode → one folder of RecordIO shards per
 * channel, with rejected rows beside them → after the commit, the publisher, which finishes the run
 * inside the job (manifests, InputDataConfig, the report last). The source and sinks come in
 * through the constructor ({@link #forConfig} wires the real ones), so a test can run the same
 * graph on its own.
 */
public final class SluiceJob {
  private final JobConfig config;
  private final Splitter splitter;
  private final Source<RawRow, ?, ?> source;
  private final Sink<ChannelRecord> channelSink;
  private final Sink<String> rejectedSink;
  private final UnaryOperator<DataStream<RawRow>> afterSource;

  public SluiceJob(
      JobConfig config,
      Splitter splitter,
      Source<RawRow, ?, ?> source,
      Sink<ChannelRecord> channelSink,
      Sink<String> rejectedSink,
      UnaryOperator<DataStream<RawRow>> afterSource) {
    this.config = config;
    this.splitter = splitter;
    this.source = source;
    this.channelSink = channelSink;
    this.rejectedSink = rejectedSink;
    this.afterSource = afterSource;
  }

  /**
   * The job with the configured file source, the channel sink whose committed shards the publisher
   * step publishes, and the rejected-row sink.
   */
  public static SluiceJob forConfig(JobConfig config, Splitter splitter, PublishSettings run) {
    return new SluiceJob(
        config,
        splitter,
        source(config),
        channelSink(config).withPostCommit(new PublishStep(run)).build(),
        rejectedSink(config),
        UnaryOperator.identity());
  }

  /** The same job with a step between source and router; tests inject failures with it. */
  public SluiceJob withStepAfterSource(UnaryOperator<DataStream<RawRow>> step) {
    return new SluiceJob(config, splitter, source, channelSink, rejectedSink, step);
  }

  /** Adds the dataflow to {@code env}. */
  public void addTo(StreamExecutionEnvironment env) {
    DataStream<RawRow> rows =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw objects").uid("raw-objects");
    rows = afterSource.apply(rows);

    RejectedFractionGuard guard =
        config.source().continuous()
            ? new RejectedFractionGuard(config.sink().maxRejectedFraction(), 1_000)
            : RejectedFractionGuard.OFF;
    SingleOutputStreamOperator<ChannelRecord> records;
    if (config.split().needsPlanningPass()) {
      RouteRecordsByPlan routing =
          new RouteRecordsByPlan(
              config.schema(), config.split(), config.split().channels(), RoutingOutput.of(config));
      routing.stratifyBy(StratumColumn.of(config));
      records =
          rows.connect(PlanningPass.addTo(env, config))
              .transform("parse, split, encode", TypeInformation.of(ChannelRecord.class), routing);
    } else {
      RouteRecords routing =
          new RouteRecords(
              config.schema(),
              splitter,
              config.split().channels(),
              guard,
              RoutingOutput.of(config));
      routing.stratifyBy(StratumColumn.of(config));
      records =
          rows.transform("parse, split, encode", TypeInformation.of(ChannelRecord.class), routing);
    }
    records.uid("route-records");
    records.sinkTo(channelSink).name("channels").uid("channel-sink");
    records
        .getSideOutput(RouteRecords.REJECTED)
        .map(RejectedRow::toJsonLine)
        .name("rejected rows as JSON")
        .uid("rejected-json")
        .sinkTo(rejectedSink)
        .name("rejected rows")
        .uid("rejected-sink");
  }

  static Source<RawRow, ?, ?> source(JobConfig config) {
    return RawRowSources.fileSource(
        config.source().path(),
        config.source().format(),
        config.source().textReading(),
        config.source().monitorInterval().orElse(null),
        config.onCorruptObject());
  }

  /** The channel sink as configured; the caller adds what runs after its commit. */
  public static ChannelSink.Builder channelSink(JobConfig config) {
    return ChannelSink.forPath(config.sink().path())
        .withMaxShardBytes(config.sink().maxShardBytes())
        .withMaxShardRecords(config.sink().maxShardRecords())
        .withShardsPerChannel(config.sink().minShardsPerChannel())
        .withFormat(config.sink().format())
        .withShuffle(shuffle(config));
  }

  /**
   * {@code sink.shuffle}: a bounded run sorts each channel by the records' hashes (BATCH's sort), a
   * continuous run mixes them in a bounded buffer.
   */
  static ChannelShuffle shuffle(JobConfig config) {
    if (!config.sink().shuffle()) {
      return ChannelShuffle.none();
    }
    return config.source().continuous()
        ? ChannelShuffle.buffered(config.sink().shuffleBufferRecords())
        : ChannelShuffle.sorted();
  }

  static Sink<String> rejectedSink(JobConfig config) {
    OutputLayout layout = new OutputLayout(new Path(config.sink().path()));
    return FileSink.forRowFormat(layout.rejected(), new SimpleStringEncoder<String>())
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("rejected").withPartSuffix(".jsonl").build())
        .build();
  }
}
