package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.sink.ChannelStatistics;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Carries a subtask's {@link ChannelStatistics} of one channel as a Flink accumulator, so the
 * client receives them merged over all subtasks when a bounded job ends (named {@link
 * RouteRecords#ESTIMATOR_PREFIX} + channel). Flink keeps the accumulators of the attempt that
 * finished, so records replayed after a failure are not counted twice.
 */
public final class ChannelStatisticsAccumulator implements Accumulator<Void, ChannelStatistics> {
  private static final long serialVersionUID = 1L;

  private ChannelStatistics statistics = new ChannelStatistics();

  /** The statistics the router adds records to. */
  ChannelStatistics statistics() {
    return statistics;
  }

  @Override
  public void add(Void value) {
    throw new UnsupportedOperationException("add records to statistics() instead");
  }

  @Override
  public ChannelStatistics getLocalValue() {
    return statistics;
  }

  @Override
  public void resetLocal() {
    statistics = new ChannelStatistics();
  }

  @Override
  public void merge(Accumulator<Void, ChannelStatistics> other) {
    statistics.merge(other.getLocalValue());
  }

  @Override
  public ChannelStatisticsAccumulator clone() {
    ChannelStatisticsAccumulator copy = new ChannelStatisticsAccumulator();
    copy.statistics = statistics.copy();
    return copy;
  }
}
