package dev.sluice.splitters.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The leakage audit's verdict and figures for the job report.
 *
 * @param violations every failed check, one sentence each; empty when the audit passed
 * @param channels figures per channel, in channel order
 * @param domains figures per domain value (empty unless records carried a domain)
 * @param assignedRecords records that went to a channel
 * @param excludedByGap records excluded by the time gap (counted, not written)
 * @param rejected rejection reason to count
 * @param reroutedRecords records sent by their group's anchor domain (cross-domain group rule)
 * @param excludedCrossDomain records excluded by {@code split.domain.cross-domain-groups =
 *     evaluation-first} (counted, not written)
 * @param leaks leaks the configuration accepts, one sentence each (split-by-domain: groups in more
 *     than one channel); not violations
 * @param classesPerChannel class ({@code split.stratify-by} value) to records per channel, in
 *     channel order; empty unless the split is stratified
 */
public record AuditReport(
    List<String> violations,
    List<ChannelFigures> channels,
    List<DomainFigures> domains,
    long assignedRecords,
    long excludedByGap,
    Map<String, Long> rejected,
    long reroutedRecords,
    long excludedCrossDomain,
    List<String> leaks,
    Map<String, Map<String, Long>> classesPerChannel)
    implements Serializable {

  /** True when no check failed. */
  public boolean passed() {
    return violations.isEmpty();
  }

  /** The figures of channel {@code name}, or null. */
  public ChannelFigures channel(String name) {
    return channels.stream().filter(c -> c.channel().equals(name)).findFirst().orElse(null);
  }

  /**
   * Figures of one channel.
   *
   * @param channel the channel name
   * @param records records assigned to it
   * @param distinctGroups distinct group values among them
   * @param earliest earliest timestamp, or null when none had one
   * @param latest latest timestamp, or null
   * @param requested requested fraction, or null when fractions are per domain or set by cut-offs
   * @param realised realised share of assigned records
   */
  public record ChannelFigures(
      String channel,
      long records,
      long distinctGroups,
      Instant earliest,
      Instant latest,
      Double requested,
      double realised)
      implements Serializable {}

  /**
   * Figures of one domain value.
   *
   * @param domain the domain value
   * @param recordsPerChannel records per channel, in channel order
   * @param rerouted records of this domain sent by another (anchor) domain's table
   * @param requested the routing table applied (channel to fraction), or null when none
   * @param realised realised share per channel among this domain's records
   */
  public record DomainFigures(
      String domain,
      Map<String, Long> recordsPerChannel,
      long rerouted,
      Map<String, Double> requested,
      Map<String, Double> realised)
      implements Serializable {}
}
