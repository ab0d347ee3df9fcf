package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.SluiceKeys;
import java.io.Serializable;
import java.util.List;

/**
 * The class of a record for {@code split.stratify-by}: the value of that label column, written as
 * an integer when it is one ({@code 1}, not {@code 1.0}), so classes read as the data has them.
 * Null when the split is not stratified.
 */
public final class StratumColumn implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int labelIndex;

  private StratumColumn(int labelIndex) {
    this.labelIndex = labelIndex;
  }

  /** The stratum column of {@code config}, or null when {@code split.stratify-by} is not set. */
  public static StratumColumn of(JobConfig config) {
    String column = config.settings().optionalString(SluiceKeys.SPLIT_STRATIFY_BY).orElse(null);
    if (column == null) {
      return null;
    }
    List<String> labels = config.settings().list(SluiceKeys.SCHEMA_LABEL);
    return new StratumColumn(labels.indexOf(column)); // validated by JobConfig: present
  }

  /** The class of {@code record}, or null when it has no label. */
  public String of(ParsedRecord record) {
    if (record.label == null || labelIndex >= record.label.length) {
      return null;
    }
    double v = record.label[labelIndex];
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** The class of {@code record} under {@code column}, which may be null (not stratified). */
  public static String of(StratumColumn column, ParsedRecord record) {
    return column == null ? null : column.of(record);
  }
}
