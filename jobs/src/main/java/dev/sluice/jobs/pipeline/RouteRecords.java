package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.Splitter;
import java.util.List;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The routing step of a split that needs no plan: one input, chained between source and sink, so
 * rows are never serialised on the way.
 */
public final class RouteRecords extends Routing
    implements OneInputStreamOperator<RawRow, ChannelRecord>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  /**
   * @param rejectedGuard fails a continuous run whose rejected share passes the limit; bounded runs
   *     check the exact share at the end instead
   */
  public RouteRecords(
      SchemaMapping schema,
      Splitter splitter,
      List<Channel> channels,
      RejectedFractionGuard rejectedGuard) {
    this(schema, splitter, channels, rejectedGuard, RoutingOutput.PLAIN);
  }

  /** The same, with records encoded, ordered and checked as {@code shards} says. */
  public RouteRecords(
      SchemaMapping schema,
      Splitter splitter,
      List<Channel> channels,
      RejectedFractionGuard rejectedGuard,
      RoutingOutput shards) {
    super(schema, splitter, channels, rejectedGuard, shards);
  }

  @Override
  public void processElement(StreamRecord<RawRow> element) {
    route(element);
  }

  @Override
  public void endInput() {
    endOfRows();
  }
}
