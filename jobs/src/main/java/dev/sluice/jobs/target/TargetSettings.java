package dev.sluice.jobs.target;

import java.io.Serializable;
import java.util.Optional;

/**
 * The {@code target.*} keys, bound.
 *
 * @param predictorType null when not configured
 */
public record TargetSettings(
    AlgorithmTarget algorithm, PredictorType predictorType, int instanceCount)
    implements Serializable {

  /** No algorithm in particular: no checks, File mode, one instance. */
  public static TargetSettings generic() {
    return new TargetSettings(AlgorithmTarget.GENERIC, null, 1);
  }

  public Optional<PredictorType> predictor() {
    return Optional.ofNullable(predictorType);
  }
}
