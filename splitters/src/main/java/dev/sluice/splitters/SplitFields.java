package dev.sluice.splitters;

import java.io.Serializable;

/**
 * What a strategy sees of a record: nothing else of the record can influence its channel.
 *
 * @param key the record id ({@code schema.id}) or, without one, its source position ({@code
 *     <object-uri>:<line>}); used by the random strategy
 * @param group the group value ({@code schema.group}), or null
 * @param domain the domain value ({@code schema.domain}), or null
 * @param timestampMillis event time as epoch milliseconds; meaningful only when {@code
 *     hasTimestamp}
 * @param hasTimestamp whether the record has an event time
 * @param stratum the record's class for a stratified split ({@code split.stratify-by}), or null
 */
public record SplitFields(
    String key,
    String group,
    String domain,
    long timestampMillis,
    boolean hasTimestamp,
    String stratum)
    implements Serializable {

  /** Fields of a split that is not stratified. */
  public SplitFields(
      String key, String group, String domain, long timestampMillis, boolean hasTimestamp) {
    this(key, group, domain, timestampMillis, hasTimestamp, null);
  }

  /** These fields with {@code stratum} as the class. */
  public SplitFields withStratum(String stratum) {
    return new SplitFields(key, group, domain, timestampMillis, hasTimestamp, stratum);
  }

  /** A record known only by its key. */
  public static SplitFields ofKey(String key) {
    return new SplitFields(key, null, null, 0L, false);
  }

  /** A record with a key and a group. */
  public static SplitFields ofGroup(String key, String group) {
    return new SplitFields(key, group, null, 0L, false);
  }

  /** A record with a key and an event time. */
  public static SplitFields ofTime(String key, long timestampMillis) {
    return new SplitFields(key, null, null, timestampMillis, true);
  }

  /** A record with a key, a domain and optionally a group. */
  public static SplitFields ofDomain(String key, String domain, String group) {
    return new SplitFields(key, group, domain, 0L, false);
  }
}
