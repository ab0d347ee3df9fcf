package dev.sluice.connectors.parse;

/**
 * A parsed row: what the splitter and the encoder need. A Flink POJO with public fields.
 *
 * <p>Features are either dense ({@link #features}, with {@link #sparseKeys} null) or sparse ({@link
 * #sparseKeys} ascending 0-based indices, {@link #sparseValues}, and {@link #dimension}). Values
 * are held as doubles; for {@link FeatureType#FLOAT32} and {@link FeatureType#INT32} they were
 * parsed to that type and widened exactly, so narrowing them back is lossless.
 */
public class ParsedRecord {

  /** URI of the object the row came from. */
  public String object;

  /** 1-based line (for Avro the record index). */
  public long line;

  /** The {@code schema.id} value, or null when no id column is configured. */
  public String id;

  /** The {@code schema.group} value, or null. */
  public String group;

  /** The {@code schema.domain} value, or null. */
  public String domain;

  /** Epoch milliseconds of {@code schema.timestamp}; meaningful when {@link #hasTimestamp}. */
  public long timestampMillis;

  /** Whether a timestamp was mapped. */
  public boolean hasTimestamp;

  /** The label value(s), or null for unsupervised data. */
  public double[] label;

  /** Dense feature values, or null when sparse. */
  public double[] features;

  /** Sparse 0-based ascending feature indices, or null when dense. */
  public long[] sparseKeys;

  /** Sparse feature values aligned with {@link #sparseKeys}, or null when dense. */
  public double[] sparseValues;

  /** The feature vector's length: the dense length, or the sparse dimension. */
  public long dimension;

  /** The feature type the values were parsed as. */
  public FeatureType featureType;

  /** For Flink's POJO serializer. */
  public ParsedRecord() {}

  /**
   * The record's uid: the id when configured, otherwise {@code <object>:<line>}. It is also the key
   * random splitting hashes, so repeated ids stay together.
   */
  public String uid() {
    return id != null ? id : object + ":" + line;
  }

  /** Whether the features are sparse. */
  public boolean isSparse() {
    return sparseKeys != null;
  }

  @Override
  public String toString() {
    return "ParsedRecord{" + uid() + ", group=" + group + ", domain=" + domain + "}";
  }
}
