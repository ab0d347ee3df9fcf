package dev.sluice.splitters.domain;

/**
 * {@code split.domain.cross-domain-groups}: where the records of a group found in several domains
 * go (domain strategy, inner group). There is no default: a run whose planning pass finds such
 * groups stops before writing until the configuration chooses.
 */
public enum CrossDomainPolicy {
  /**
   * The group follows the domain where it has most records (ties: first in table order); all its
   * records go to that domain's hashed channel, re-routed from their own domain's table if need be.
   * Keeps groups whole, but may put a scarce (evaluation) domain's records into train.
   */
  FOLLOW_MAJORITY("follow-majority"),
  /**
   * The group goes where its scarce-domain records are routed (the domain with fewest records in
   * the data; ties: later in table order). Its records of another domain follow it where their own
   * route allows that channel, and are otherwise excluded and counted. Keeps both promises: the
   * scarce domain only where its route says, and no group in two channels.
   */
  EVALUATION_FIRST("evaluation-first"),
  /**
   * Each domain's records follow their own domain's table by the group hash: the group is whole
   * within a domain only, so the same group may be in train (one domain) and in evaluation (another
   * domain). Reported as a leak.
   */
  SPLIT_BY_DOMAIN("split-by-domain");

  private final String key;

  CrossDomainPolicy(String key) {
    this.key = key;
  }

  /** The configuration value. */
  public String key() {
    return key;
  }

  /** The policy named {@code key}, or null. */
  public static CrossDomainPolicy fromKey(String key) {
    for (CrossDomainPolicy p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    return null;
  }
}
