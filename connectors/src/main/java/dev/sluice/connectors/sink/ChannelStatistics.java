package dev.sluice.connectors.sink;

import dev.sluice.connectors.parse.ParsedRecord;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an estimator needs to know about one channel, gathered record by record: how many records,
 * the feature dimension (and whether any record was sparse), and the label's width, its values with
 * their counts while there are few of them, and its range. One instance per channel per subtask;
 * {@link #merge} combines subtasks' instances in any order to the same result.
 *
 * <p>{@link #add} is on the per-record path: no boxing, no allocation, a linear scan over at most
 * {@value #MAX_DISTINCT_LABELS} label values (two for a binary label).
 */
public final class ChannelStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Beyond this many distinct label values only the range is kept (a regression label). */
  public static final int MAX_DISTINCT_LABELS = 64;

  private long records;
  private long sparseRecords;
  private long minDimension = Long.MAX_VALUE;
  private long maxDimension = Long.MIN_VALUE;
  private long labelledRecords;
  private int minLabelWidth = Integer.MAX_VALUE;
  private int maxLabelWidth = Integer.MIN_VALUE;
  private double minLabel = Double.POSITIVE_INFINITY;
  private double maxLabel = Double.NEGATIVE_INFINITY;
  private boolean integralLabels = true;
  private double[] labelValues = new double[4];
  private long[] labelCounts = new long[4];
  private int distinctLabels;
  private boolean tooManyLabels;

  /** Counts one record written to the channel. */
  public void add(ParsedRecord record) {
    records++;
    if (record.isSparse()) {
      sparseRecords++;
    }
    minDimension = Math.min(minDimension, record.dimension);
    maxDimension = Math.max(maxDimension, record.dimension);
    double[] label = record.label;
    if (label == null) {
      return;
    }
    labelledRecords++;
    minLabelWidth = Math.min(minLabelWidth, label.length);
    maxLabelWidth = Math.max(maxLabelWidth, label.length);
    if (label.length == 1) {
      addLabel(label[0], 1);
    }
  }

  private void addLabel(double value, long count) {
    minLabel = Math.min(minLabel, value);
    maxLabel = Math.max(maxLabel, value);
    if (value != Math.rint(value)) {
      integralLabels = false;
    }
    if (tooManyLabels) {
      return;
    }
    for (int i = 0; i < distinctLabels; i++) {
      if (Double.compare(labelValues[i], value) == 0) {
        labelCounts[i] += count;
        return;
      }
    }
    if (distinctLabels == MAX_DISTINCT_LABELS) {
      tooManyLabels = true;
      labelValues = null;
      labelCounts = null;
      return;
    }
    if (distinctLabels == labelValues.length) {
      labelValues = Arrays.copyOf(labelValues, distinctLabels * 2);
      labelCounts = Arrays.copyOf(labelCounts, distinctLabels * 2);
    }
    labelValues[distinctLabels] = value;
    labelCounts[distinctLabels++] = count;
  }

  /** Adds {@code other}'s records to these; the result does not depend on the merge order. */
  public void merge(ChannelStatistics other) {
    records += other.records;
    sparseRecords += other.sparseRecords;
    minDimension = Math.min(minDimension, other.minDimension);
    maxDimension = Math.max(maxDimension, other.maxDimension);
    labelledRecords += other.labelledRecords;
    minLabelWidth = Math.min(minLabelWidth, other.minLabelWidth);
    maxLabelWidth = Math.max(maxLabelWidth, other.maxLabelWidth);
    integralLabels &= other.integralLabels;
    if (other.tooManyLabels) {
      tooManyLabels = true;
      labelValues = null;
      labelCounts = null;
    } else {
      for (int i = 0; i < other.distinctLabels; i++) {
        addLabel(other.labelValues[i], other.labelCounts[i]);
      }
    }
    minLabel = Math.min(minLabel, other.minLabel);
    maxLabel = Math.max(maxLabel, other.maxLabel);
  }

  public ChannelStatistics copy() {
    ChannelStatistics copy = new ChannelStatistics();
    copy.merge(this);
    return copy;
  }

  public long records() {
    return records;
  }

  /** Whether every record has the same feature dimension (vacuously true for none). */
  public boolean singleDimension() {
    return records == 0 || minDimension == maxDimension;
  }

  /** The feature dimension; the largest when records differ ({@link #singleDimension}). */
  public long featureDim() {
    return records == 0 ? 0 : maxDimension;
  }

  public long minDimension() {
    return records == 0 ? 0 : minDimension;
  }

  public boolean sparse() {
    return sparseRecords > 0;
  }

  public boolean labelled() {
    return labelledRecords > 0;
  }

  /** The label's width: 1 for a scalar label, 0 for none; the largest when records differ. */
  public int labelWidth() {
    return labelledRecords == 0 ? 0 : maxLabelWidth;
  }

  public boolean scalarLabels() {
    return labelledRecords > 0 && maxLabelWidth == 1 && minLabelWidth == 1;
  }

  /** Scalar label value to count, ascending; empty when there were too many distinct values. */
  public Map<Double, Long> labelCounts() {
    Map<Double, Long> counts = new TreeMap<>();
    if (!tooManyLabels) {
      for (int i = 0; i < distinctLabels; i++) {
        counts.put(labelValues[i], labelCounts[i]);
      }
    }
    return counts;
  }

  /** Whether {@link #labelCounts} holds every scalar label value. */
  public boolean labelCountsComplete() {
    return !tooManyLabels;
  }

  public double minLabel() {
    return minLabel;
  }

  public double maxLabel() {
    return maxLabel;
  }

  /** Whether every scalar label is a whole number (class indices, 0/1). */
  public boolean integralLabels() {
    return integralLabels;
  }

  /**
   * The figures as plain values for a report: records, feature dimension (or sparse shape), the
   * label's type, its value counts (or range).
   */
  public Map<String, Object> describe() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("num_records", records);
    figures.put("feature_dim", featureDim());
    if (!singleDimension()) {
      figures.put("feature_dim_min", minDimension());
    }
    figures.put("sparse", sparse());
    if (sparse()) {
      figures.put("shape", new long[] {featureDim()});
    }
    Map<String, Object> label = new LinkedHashMap<>();
    if (!labelled()) {
      label.put("type", "none");
    } else if (!scalarLabels()) {
      label.put("type", "vector");
      label.put("width", labelWidth());
    } else {
      label.put("type", integralLabels ? "integer" : "float");
      if (labelCountsComplete()) {
        Map<String, Long> counts = new LinkedHashMap<>();
        labelCounts().forEach((value, count) -> counts.put(labelName(value), count));
        label.put("value_counts", counts);
      }
      label.put("min", minLabel);
      label.put("max", maxLabel);
    }
    figures.put("label", label);
    return figures;
  }

  private static String labelName(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
