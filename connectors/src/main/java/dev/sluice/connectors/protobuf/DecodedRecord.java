package dev.sluice.connectors.protobuf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A decoded {@code aialgs.data.Record}: features and label maps (in payload order), uid, metadata
 * and configuration (each null when not set). Immutable.
 */
public final class DecodedRecord {
  private final Map<String, DecodedValue> features;
  private final Map<String, DecodedValue> label;
  private final String uid;
  private final String metadata;
  private final String configuration;

  public DecodedRecord(
      Map<String, DecodedValue> features,
      Map<String, DecodedValue> label,
      String uid,
      String metadata,
      String configuration) {
    this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    this.label = Collections.unmodifiableMap(new LinkedHashMap<>(label));
    this.uid = uid;
    this.metadata = metadata;
    this.configuration = configuration;
  }

  public Map<String, DecodedValue> features() {
    return features;
  }

  /** Empty for unlabelled records. */
  public Map<String, DecodedValue> label() {
    return label;
  }

  public String uid() {
    return uid;
  }

  public String metadata() {
    return metadata;
  }

  public String configuration() {
    return configuration;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DecodedRecord)) {
      return false;
    }
    DecodedRecord other = (DecodedRecord) o;
    return features.equals(other.features)
        && label.equals(other.label)
        && Objects.equals(uid, other.uid)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(configuration, other.configuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, label, uid, metadata, configuration);
  }

  @Override
  public String toString() {
    return "Record{uid="
        + uid
        + ", features="
        + features
        + ", label="
        + label
        + ", metadata="
        + metadata
        + (configuration == null ? "" : ", configuration=" + configuration)
        + "}";
  }
}
