package dev.sluice.jobs.publish;

import dev.sluice.connectors.sink.ChannelStatistics;
import dev.sluice.splitters.audit.AuditReport;
import java.util.Map;

/**
 * What a run counted: rows read and rejected (by reason), the leakage auditor's figures, and each
 * channel's {@link ChannelStatistics} (for the report's estimator section). Every row read is
 * written, excluded by a gap, or rejected, and {@link #balanced()} says whether the figures agree.
 */
public record RunCounts(
    long rowsRead,
    long rowsRejected,
    Map<String, Long> rejectedByReason,
    AuditReport audit,
    Map<String, ChannelStatistics> statistics) {

  public long rowsWritten() {
    return audit.assignedRecords();
  }

  public long rowsExcludedByGap() {
    return audit.excludedByGap();
  }

  /** Whether read = written + excluded + rejected, so that no row went missing. */
  public boolean balanced() {
    return rowsRead
        == rowsWritten() + rowsExcludedByGap() + audit.excludedCrossDomain() + rowsRejected;
  }

  public double rejectedFraction() {
    return rowsRead == 0 ? 0.0 : (double) rowsRejected / rowsRead;
  }
}
