package dev.sluice.jobs.pipeline;

import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.audit.LeakageAuditor;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Carries a subtask's {@link LeakageAuditor} as a Flink accumulator, so the client receives one
 * auditor merged over all subtasks when a bounded job ends. Flink keeps the accumulators of the
 * attempt that finished, so records replayed after a failure are not counted twice.
 */
final class AuditAccumulator implements Accumulator<Void, LeakageAuditor> {
  private static final long serialVersionUID = 1L;

  private final SplitExpectations expectations;
  private LeakageAuditor auditor;

  AuditAccumulator(SplitExpectations expectations) {
    this.expectations = expectations;
    this.auditor = new LeakageAuditor(expectations);
  }

  /** The auditor the router records into. */
  LeakageAuditor auditor() {
    return auditor;
  }

  @Override
  public void add(Void value) {
    throw new UnsupportedOperationException("record into auditor() instead");
  }

  @Override
  public LeakageAuditor getLocalValue() {
    return auditor;
  }

  @Override
  public void resetLocal() {
    auditor = new LeakageAuditor(expectations);
  }

  @Override
  public void merge(Accumulator<Void, LeakageAuditor> other) {
    auditor.merge(other.getLocalValue());
  }

  @Override
  public AuditAccumulator clone() {
    AuditAccumulator copy = new AuditAccumulator(expectations);
    copy.auditor.merge(auditor);
    return copy;
  }
}
