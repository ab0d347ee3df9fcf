package dev.sluice.jobs.pipeline;

import java.io.Serializable;

/**
 * Fails a continuous run once the share of rejected rows passes {@code sink.max-rejected-fraction}:
 * a feed gone bad should stop, not fill the rejected output. Each subtask judges its own rows,
 * after a minimum sample so a single early bad row is not a verdict. Bounded runs check the exact
 * share over all rows when they end, so they use {@link #OFF}.
 */
public final class RejectedFractionGuard implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No check while the job runs. */
  public static final RejectedFractionGuard OFF = new RejectedFractionGuard(1.0, Long.MAX_VALUE);

  private final double maxRejectedFraction;
  private final long minimumRows;

  public RejectedFractionGuard(double maxRejectedFraction, long minimumRows) {
    this.maxRejectedFraction = maxRejectedFraction;
    this.minimumRows = minimumRows;
  }

  void check(long rowsRead, long rowsRejected) {
    if (rowsRead >= minimumRows && rowsRejected > maxRejectedFraction * rowsRead) {
      throw new RejectedFractionExceededException(rowsRead, rowsRejected, maxRejectedFraction);
    }
  }

  /** The run rejected more rows than {@code sink.max-rejected-fraction} allows. */
  public static final class RejectedFractionExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RejectedFractionExceededException(long read, long rejected, double max) {
      super(
          String.format(
              "%d of %d rows (%.4f) were rejected, more than sink.max-rejected-fraction %.4f;"
                  + " see the rejected rows under _rejected/ and their reasons",
              rejected, read, read == 0 ? 0.0 : (double) rejected / read, max));
    }
  }
}
