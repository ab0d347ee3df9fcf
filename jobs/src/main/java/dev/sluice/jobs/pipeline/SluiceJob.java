package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.RejectedRow;
import dev.sluice.connectors.sink.ChannelBucketAssigner;
import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.sink.ChannelShuffle;
import dev.sluice.connectors.sink.ShardFormat;
import dev.sluice.connectors.sink.ShardNaming;
import dev.sluice.connectors.sink.ShardRollingPolicy;
import dev.sluice.connectors.sink.ShardSpreader;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.RawRowSources;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.publish.OutputLayout;
import dev.sluice.jobs.target.LabelCheck;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.Splitter;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
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
 * The Sluice dataflow: raw objects → parse, split, encode → shuffle within each channel ({@code
 * sink.shuffle}) → one folder of shards per channel, with rejected rows beside them. The source and
 * sinks come in through the constructor ({@link #forConfig} wires the real ones), so a test can run
 * the same graph on its own.
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

  /** The job with the configured file source and channel and rejected-row sinks. */
  public static SluiceJob forConfig(JobConfig config, Splitter splitter) {
    return new SluiceJob(
        config,
        splitter,
        source(config),
        channelSink(config),
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
    JobConfig.SinkSettings sink = config.sink();
    SingleOutputStreamOperator<ChannelRecord> records =
        rows.process(
                new RouteRecords(
                    config.schema(),
                    splitter,
                    config.split().channels(),
                    sink.format(),
                    LabelCheck.of(config.target()),
                    sink.shuffle(),
                    sink.shuffleSeed(),
                    guard))
            .name("parse, split, encode")
            .uid("route-records");
    DataStream<ChannelRecord> ordered = records;
    if (sink.shuffle()) {
      ordered =
          config.source().continuous()
              ? ChannelShuffle.buffered(sink.shuffleBufferRecords()).addTo(records)
              : ChannelShuffle.sorted().addTo(records);
    }
    List<String> channels = config.split().channels().stream().map(Channel::name).toList();
    ordered
        .map(new ShardSpreader(channels, sink.minShardsPerChannel()))
        .name("spread over shard folders")
        .uid("shard-spreader")
        .sinkTo(channelSink)
        .name("channels")
        .uid("channel-sink");
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
        config.source().csvHeader(),
        config.source().monitorInterval().orElse(null));
  }

  static Sink<ChannelRecord> channelSink(JobConfig config) {
    // A bulk format, so that a shard is written through a buffer (see RecordIOShardWriter).
    ShardFormat format = config.sink().format();
    return FileSink.forBulkFormat(new Path(config.sink().path()), format.writerFactory())
        .withBucketAssigner(new ChannelBucketAssigner())
        .withRollingPolicy(
            new ShardRollingPolicy(
                config.sink().maxShardBytes(), config.sink().maxShardRecords(), format))
        .withOutputFileConfig(ShardNaming.outputFileConfig(format))
        .build();
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
