package dev.sluice.jobs.publish;

import dev.sluice.connectors.sink.ChannelCommittable;
import dev.sluice.connectors.sink.ChannelSink;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Adds the {@link PublisherOperator} after the channel sink's committer, at parallelism 1. */
public final class PublishStep implements ChannelSink.PostCommit {
  private static final long serialVersionUID = 1L;

  private final PublishSettings run;

  public PublishStep(PublishSettings run) {
    this.run = run;
  }

  @Override
  public void addTo(DataStream<CommittableMessage<ChannelCommittable>> committed) {
    // Every committer subtask's output goes to the one publisher.
    committed
        .global()
        .transform("publish", Types.VOID, new PublisherOperator(run))
        .uid("publisher")
        .setParallelism(1)
        .setMaxParallelism(1);
  }
}
