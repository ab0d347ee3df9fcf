package dev.sluice.jobs.target;

/**
 * {@code target.predictor-type}: what a supervised algorithm predicts, and so which label values it
 * can train on. Linear Learner, for one, fails on a binary_classifier label other than 0 or 1.
 */
public enum PredictorType {
  BINARY_CLASSIFIER("binary_classifier"),
  MULTICLASS_CLASSIFIER("multiclass_classifier"),
  REGRESSOR("regressor");

  private final String configName;

  PredictorType(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static PredictorType fromConfigName(String name) {
    for (PredictorType type : values()) {
      if (type.configName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "target.predictor-type is '"
            + name
            + "'; expected binary_classifier, multiclass_classifier or regressor");
  }

  /** Whether a scalar label {@code value} is one this predictor trains on. */
  public boolean allows(double value) {
    return switch (this) {
      case BINARY_CLASSIFIER -> value == 0.0 || value == 1.0;
      case MULTICLASS_CLASSIFIER -> value >= 0 && value == Math.rint(value) && value < 1 << 24;
      case REGRESSOR -> Double.isFinite(value);
    };
  }

  /** The reject reason code of a label this predictor does not allow. */
  public String rejectReason() {
    return switch (this) {
      case BINARY_CLASSIFIER -> "label_not_binary";
      case MULTICLASS_CLASSIFIER -> "label_not_class_index";
      case REGRESSOR -> "label_not_finite";
    };
  }

  /** What the allowed labels are, for a reject's message. */
  public String allowedDescription() {
    return switch (this) {
      case BINARY_CLASSIFIER -> "0 or 1";
      case MULTICLASS_CLASSIFIER -> "a class index 0, 1, 2, ...";
      case REGRESSOR -> "a finite number";
    };
  }
}
