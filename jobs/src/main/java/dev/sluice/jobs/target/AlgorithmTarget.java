package dev.sluice.jobs.target;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.sink.ShardFormat;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code target.algorithm}: the SageMaker algorithm the channels are for, and what its
 * documentation requires of its training input. Plain data; {@link TargetChecks} turns it into
 * configuration problems, {@link LabelCheck} into rejects, {@link TargetVerdict} into a failed run.
 *
 * <ul>
 *   <li>Linear Learner and Factorization Machines accept only float32 tensors; so do k-NN, k-means,
 *       PCA and NTM. Factorization Machines trains on RecordIO-protobuf only.
 *   <li>Linear Learner, Factorization Machines, k-NN and XGBoost train on a scalar label; k-means,
 *       PCA and NTM are unsupervised and take none.
 *   <li>{@code feature_dim} is a required hyperparameter of Linear Learner, Factorization Machines,
 *       k-NN, PCA, k-means and NTM: a channel has one feature dimension.
 *   <li>The built-in algorithms stream RecordIO-protobuf in Pipe mode. The XGBoost container no
 *       longer reads RecordIO-protobuf in Pipe mode (since 2026-05-05) and is given FastFile.
 * </ul>
 */
public enum AlgorithmTarget {
  GENERIC("generic", Label.EITHER, EnumSet.allOf(FeatureType.class), Set.of(), false, true),
  LINEAR_LEARNER(
      "linear-learner",
      Label.REQUIRED,
      EnumSet.of(FeatureType.FLOAT32),
      EnumSet.allOf(PredictorType.class),
      true,
      true),
  FACTORIZATION_MACHINES(
      "factorization-machines",
      Label.REQUIRED,
      EnumSet.of(FeatureType.FLOAT32),
      EnumSet.of(PredictorType.BINARY_CLASSIFIER, PredictorType.REGRESSOR),
      true,
      false),
  KNN(
      "knn",
      Label.REQUIRED,
      EnumSet.of(FeatureType.FLOAT32),
      EnumSet.of(PredictorType.MULTICLASS_CLASSIFIER, PredictorType.REGRESSOR),
      true,
      true),
  KMEANS("kmeans", Label.ABSENT, EnumSet.of(FeatureType.FLOAT32), Set.of(), true, true),
  PCA("pca", Label.ABSENT, EnumSet.of(FeatureType.FLOAT32), Set.of(), true, true),
  NTM("ntm", Label.ABSENT, EnumSet.of(FeatureType.FLOAT32), Set.of(), true, true),
  XGBOOST(
      "xgboost",
      Label.REQUIRED,
      EnumSet.allOf(FeatureType.class),
      EnumSet.allOf(PredictorType.class),
      false,
      true);

  /** Whether the algorithm trains on a label. */
  public enum Label {
    REQUIRED,
    ABSENT,
    EITHER
  }

  private final String configName;
  private final Label label;
  private final Set<FeatureType> tensorTypes;
  private final Set<PredictorType> predictorTypes;
  private final boolean needsFeatureDim;
  private final boolean readsCsv;

  AlgorithmTarget(
      String configName,
      Label label,
      Set<FeatureType> tensorTypes,
      Set<PredictorType> predictorTypes,
      boolean needsFeatureDim,
      boolean readsCsv) {
    this.configName = configName;
    this.label = label;
    this.tensorTypes = tensorTypes;
    this.predictorTypes = predictorTypes;
    this.needsFeatureDim = needsFeatureDim;
    this.readsCsv = readsCsv;
  }

  public String configName() {
    return configName;
  }

  public static AlgorithmTarget fromConfigName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (AlgorithmTarget target : values()) {
      if (target.configName.equals(wanted)) {
        return target;
      }
    }
    throw new IllegalArgumentException("target.algorithm is '" + name + "'");
  }

  public Label label() {
    return label;
  }

  /** The feature types the algorithm reads as tensors. */
  public Set<FeatureType> tensorTypes() {
    return tensorTypes;
  }

  /** The predictor types it offers; empty for unsupervised algorithms and generic. */
  public Set<PredictorType> predictorTypes() {
    return predictorTypes;
  }

  /** Whether its label must be a single value. */
  public boolean scalarLabel() {
    return label == Label.REQUIRED;
  }

  /** Whether {@code feature_dim} is a required hyperparameter: one dimension per channel. */
  public boolean needsFeatureDim() {
    return needsFeatureDim;
  }

  public boolean reads(ShardFormat format) {
    return format == ShardFormat.RECORDIO_PROTOBUF || readsCsv;
  }

  /**
   * The InputMode written into {@code input-data-config.json}: Pipe where the algorithm streams the
   * format, FastFile for XGBoost, File otherwise (always safe for a container of unknown
   * abilities).
   */
  public String inputMode(ShardFormat format) {
    if (this == XGBOOST) {
      return "FastFile";
    }
    if (this == GENERIC || format == ShardFormat.CSV) {
      return "File";
    }
    return "Pipe";
  }
}
