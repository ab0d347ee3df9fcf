package dev.sluice.splitters.domain;

/** {@code split.domain.inner}: what decides the channel within a domain's routing table. */
public enum InnerStrategy {
  /** Hash of the record key. */
  RANDOM,
  /** Hash of the group value; groups stay whole, also across domains (needs a plan). */
  GROUP;

  /** The configuration value. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
