package dev.sluice.jobs.target;

import java.io.Serializable;

/**
 * The per-record part of a target: whether a record's label is one the algorithm can train on. A
 * record that fails is rejected with the reason, like a row that does not parse, so it is counted
 * and the rest of the run goes on.
 */
public final class LabelCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Passes every record: no target, or one that decides nothing per record. */
  public static final LabelCheck NONE = new LabelCheck(false, null);

  private final boolean scalar;
  private final PredictorType predictor;

  private LabelCheck(boolean scalar, PredictorType predictor) {
    this.scalar = scalar;
    this.predictor = predictor;
  }

  public static LabelCheck of(TargetSettings target) {
    boolean scalar = target.algorithm().scalarLabel();
    PredictorType predictor = target.predictorType();
    return !scalar && predictor == null ? NONE : new LabelCheck(scalar, predictor);
  }

  /** The reject reason code for {@code label} (null when the record is unlabelled), or null. */
  public String rejectReason(double[] label) {
    if (label == null) {
      return null;
    }
    if (scalar && label.length != 1) {
      return "label_not_scalar";
    }
    if (predictor != null && label.length == 1 && !predictor.allows(label[0])) {
      return predictor.rejectReason();
    }
    return null;
  }

  /** What a record with that reject reason should have had, for its message. */
  public String expected(String reason) {
    if (reason.equals("label_not_scalar")) {
      return "one label value";
    }
    return "a " + predictor.configName() + " label: " + predictor.allowedDescription();
  }
}
