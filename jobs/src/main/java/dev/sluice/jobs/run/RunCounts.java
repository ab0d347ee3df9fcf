package dev.sluice.jobs.run;

import dev.sluice.connectors.sink.ChannelStatistics;
import dev.sluice.jobs.pipeline.RouteRecords;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;

/**
 * What a finished bounded run counted: rows read and rejected (by reason), and the leakage
 * auditor's figures. Every row read is written, excluded by a gap, or rejected, and {@link
 * #balanced()} says whether the figures agree.
 */
public record RunCounts(
    long rowsRead,
    long rowsRejected,
    Map<String, Long> rejectedByReason,
    AuditReport audit,
    Map<String, ChannelStatistics> statistics) {

  static RunCounts from(JobExecutionResult result) {
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, ChannelStatistics> statistics = new TreeMap<>();
    result
        .getAllAccumulatorResults()
        .forEach(
            (name, value) -> {
              if (name.startsWith(RouteRecords.REJECTED_PREFIX) && value instanceof Long count) {
                byReason.put(name.substring(RouteRecords.REJECTED_PREFIX.length()), count);
              }
              if (name.startsWith(RouteRecords.ESTIMATOR_PREFIX)
                  && value instanceof ChannelStatistics channel) {
                statistics.put(name.substring(RouteRecords.ESTIMATOR_PREFIX.length()), channel);
              }
            });
    LeakageAuditor auditor = result.getAccumulatorResult(RouteRecords.AUDIT);
    return new RunCounts(
        orZero(result.getAccumulatorResult(RouteRecords.ROWS_READ)),
        orZero(result.getAccumulatorResult(RouteRecords.ROWS_REJECTED)),
        byReason,
        auditor.report(),
        statistics);
  }

  private static long orZero(Long value) {
    return value == null ? 0L : value;
  }

  public long rowsWritten() {
    return audit.assignedRecords();
  }

  public long rowsExcludedByGap() {
    return audit.excludedByGap();
  }

  /** Whether read = written + excluded + rejected, so that no row went missing. */
  public boolean balanced() {
    return rowsRead == rowsWritten() + rowsExcludedByGap() + rowsRejected;
  }

  public double rejectedFraction() {
    return rowsRead == 0 ? 0.0 : (double) rowsRejected / rowsRead;
  }
}
