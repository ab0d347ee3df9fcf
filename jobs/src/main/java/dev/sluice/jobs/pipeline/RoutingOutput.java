package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.sink.ShardFormat;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.target.LabelCheck;
import java.io.Serializable;

/**
 * What the routing step hands the channel sink besides the channel: the record encoded in the shard
 * format, its place in the shuffled order, and whether the target algorithm can take its label at
 * all.
 *
 * @param format the shard format the records are encoded in ({@code sink.format})
 * @param labelCheck rejects labels the target algorithm cannot train on ({@code target.*})
 * @param shuffle whether each record carries its place in the shuffled order, a hash of its uid
 *     salted with {@code shuffleSeed} ({@code sink.shuffle})
 */
public record RoutingOutput(
    ShardFormat format, LabelCheck labelCheck, boolean shuffle, long shuffleSeed)
    implements Serializable {

  /** RecordIO-protobuf, no label rules, no shuffle. */
  public static final RoutingOutput PLAIN =
      new RoutingOutput(ShardFormat.RECORDIO_PROTOBUF, LabelCheck.NONE, false, 0L);

  public static RoutingOutput of(JobConfig config) {
    return new RoutingOutput(
        config.sink().format(),
        LabelCheck.of(config.target()),
        config.sink().shuffle(),
        config.sink().shuffleSeed());
  }
}
