package dev.sluice.splitters.audit;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitKeys;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumes (split fields, assignment) pairs, checks the leakage invariants and produces the figures
 * for the job report. Mergeable (one per task, then {@link #merge}) and serializable.
 *
 * <p>Checks: no group appears in two channels (when the split keeps groups whole); channels are in
 * time order with more than the gap between consecutive non-empty channels (time splits); each
 * domain's records land only in channels its route gives a positive fraction (domain splits;
 * records re-routed by the cross-domain group rule are counted apart and not held to their own
 * domain's route).
 *
 * <p>Memory: one 64-bit channel mask per distinct group, a few counters per channel, and one
 * counter row per distinct domain value. Records are never kept.
 */
public final class LeakageAuditor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Examples of straddling groups listed in the report (the count is always complete). */
  static final int MAX_EXAMPLES = 10;

  private final SplitExpectations expect;
  private final int k;
  private final long[] records;
  private final long[] earliest;
  private final long[] latest;
  private final HashMap<String, Long> groupChannels = new HashMap<>();
  // Under split-by-domain only: channel mask per (group, domain), keyed group + '\0' + domain.
  private final HashMap<String, Long> groupDomainChannels = new HashMap<>();
  // Per domain value, records per channel routed by their own domain's table...
  private final HashMap<String, long[]> domainCounts = new HashMap<>();
  // ...and records per channel routed by their group's anchor domain's table.
  private final HashMap<String, long[]> domainRerouted = new HashMap<>();
  // Per class (split.stratify-by value), records per channel.
  private final HashMap<String, long[]> classCounts = new HashMap<>();
  private final long[] rejected = new long[Assignment.Reason.values().length];
  private long excludedByGap;
  private long excludedCrossDomain;
  private long rerouted;

  /** An empty auditor for a split with these expectations. */
  public LeakageAuditor(SplitExpectations expectations) {
    this.expect = expectations;
    this.k = expectations.channels().size();
    this.records = new long[k];
    this.earliest = new long[k];
    this.latest = new long[k];
    java.util.Arrays.fill(earliest, Long.MAX_VALUE);
    java.util.Arrays.fill(latest, Long.MIN_VALUE);
  }

  /** Accounts for one record and its assignment. */
  public void record(SplitFields fields, Assignment assignment) {
    switch (assignment.kind()) {
      case EXCLUDED_BY_GAP -> excludedByGap++;
      case EXCLUDED_CROSS_DOMAIN -> excludedCrossDomain++;
      case REJECTED -> rejected[assignment.reason().ordinal()]++;
      case CHANNEL -> recordAssigned(fields, assignment);
    }
  }

  private void recordAssigned(SplitFields fields, Assignment a) {
    int c = a.channelIndex();
    records[c]++;
    if (fields.hasTimestamp()) {
      earliest[c] = Math.min(earliest[c], fields.timestampMillis());
      latest[c] = Math.max(latest[c], fields.timestampMillis());
    }
    if (fields.group() != null) {
      groupChannels.merge(fields.group(), 1L << c, (x, y) -> x | y);
      if (expect.groupsWholeWithinDomainOnly()) {
        groupDomainChannels.merge(
            fields.group() + '\0' + fields.domain(), 1L << c, (x, y) -> x | y);
      }
    }
    if (fields.domain() != null) {
      (a.isRerouted() ? domainRerouted : domainCounts)
          .computeIfAbsent(fields.domain(), d -> new long[k])[c]++;
    }
    if (a.isRerouted()) {
      rerouted++;
    }
    if (fields.stratum() != null) {
      classCounts.computeIfAbsent(fields.stratum(), s -> new long[k])[c]++;
    }
  }

  /** Adds everything {@code other} has seen (same expectations) into this auditor. */
  public void merge(LeakageAuditor other) {
    if (other.k != k || !other.expect.channels().equals(expect.channels())) {
      throw new IllegalArgumentException("cannot merge auditors of different splits");
    }
    for (int i = 0; i < k; i++) {
      records[i] += other.records[i];
      earliest[i] = Math.min(earliest[i], other.earliest[i]);
      latest[i] = Math.max(latest[i], other.latest[i]);
    }
    other.groupChannels.forEach((g, m) -> groupChannels.merge(g, m, (x, y) -> x | y));
    other.groupDomainChannels.forEach((g, m) -> groupDomainChannels.merge(g, m, (x, y) -> x | y));
    mergeRows(domainCounts, other.domainCounts);
    mergeRows(domainRerouted, other.domainRerouted);
    mergeRows(classCounts, other.classCounts);
    for (int i = 0; i < rejected.length; i++) {
      rejected[i] += other.rejected[i];
    }
    excludedByGap += other.excludedByGap;
    excludedCrossDomain += other.excludedCrossDomain;
    rerouted += other.rerouted;
  }

  private void mergeRows(HashMap<String, long[]> into, HashMap<String, long[]> from) {
    from.forEach(
        (d, counts) -> {
          long[] mine = into.computeIfAbsent(d, x -> new long[k]);
          for (int i = 0; i < k; i++) {
            mine[i] += counts[i];
          }
        });
  }

  private static long sum(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** Checks the invariants and computes the figures. */
  public AuditReport report() {
    List<String> violations = new ArrayList<>();
    List<Channel> channels = expect.channels();
    long assigned = 0;
    for (long r : records) {
      assigned += r;
    }
    List<String> leaks = new ArrayList<>();
    if (expect.groupsWholeWithinDomainOnly()) {
      checkGroups(groupDomainChannels, violations, channels, "group integrity within a domain: ");
      checkGroups(
          groupChannels,
          leaks,
          channels,
          SplitKeys.DOMAIN_CROSS_DOMAIN_GROUPS + " = split-by-domain leaks: ");
    } else if (expect.groupsWhole()) {
      checkGroups(groupChannels, violations, channels, "group integrity: ");
    }
    checkTimeOrder(violations, channels);
    checkDomains(violations, channels);

    long[] distinct = new long[k];
    for (long mask : groupChannels.values()) {
      for (int i = 0; i < k; i++) {
        if ((mask & (1L << i)) != 0) {
          distinct[i]++;
        }
      }
    }
    List<AuditReport.ChannelFigures> channelFigures = new ArrayList<>();
    ChannelFractions requested = expect.requested();
    for (int i = 0; i < k; i++) {
      boolean timed = earliest[i] != Long.MAX_VALUE;
      channelFigures.add(
          new AuditReport.ChannelFigures(
              channels.get(i).name(),
              records[i],
              distinct[i],
              timed ? Instant.ofEpochMilli(earliest[i]) : null,
              timed ? Instant.ofEpochMilli(latest[i]) : null,
              requested == null ? null : requested.fraction(i),
              assigned == 0 ? 0.0 : (double) records[i] / assigned));
    }
    List<AuditReport.DomainFigures> domainFigures = new ArrayList<>();
    java.util.TreeSet<String> domains = new java.util.TreeSet<>(domainCounts.keySet());
    domains.addAll(domainRerouted.keySet());
    for (String domain : domains) {
      long[] direct = domainCounts.getOrDefault(domain, new long[k]);
      long[] moved = domainRerouted.getOrDefault(domain, new long[k]);
      long n = sum(direct) + sum(moved);
      Map<String, Long> perChannel = new LinkedHashMap<>();
      Map<String, Double> realised = new LinkedHashMap<>();
      for (int i = 0; i < k; i++) {
        long c = direct[i] + moved[i];
        perChannel.put(channels.get(i).name(), c);
        realised.put(channels.get(i).name(), n == 0 ? 0.0 : (double) c / n);
      }
      ChannelFractions route = expect.routeFor(domain);
      domainFigures.add(
          new AuditReport.DomainFigures(
              domain, perChannel, sum(moved), route == null ? null : route.asMap(), realised));
    }
    Map<String, Long> rejectedByReason = new LinkedHashMap<>();
    for (Assignment.Reason r : Assignment.Reason.values()) {
      if (rejected[r.ordinal()] > 0) {
        rejectedByReason.put(r.name(), rejected[r.ordinal()]);
      }
    }
    return new AuditReport(
        List.copyOf(violations),
        List.copyOf(channelFigures),
        List.copyOf(domainFigures),
        assigned,
        excludedByGap,
        rejectedByReason,
        rerouted,
        excludedCrossDomain,
        List.copyOf(leaks),
        classesPerChannel(channels));
  }

  private Map<String, Map<String, Long>> classesPerChannel(List<Channel> channels) {
    Map<String, Map<String, Long>> classes = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : new TreeMap<>(classCounts).entrySet()) {
      Map<String, Long> perChannel = new LinkedHashMap<>();
      for (int i = 0; i < k; i++) {
        perChannel.put(channels.get(i).name(), e.getValue()[i]);
      }
      classes.put(e.getKey(), perChannel);
    }
    return classes;
  }

  private void checkGroups(
      Map<String, Long> masks, List<String> violations, List<Channel> channels, String label) {
    long straddling = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, Long> e : new TreeMap<>(masks).entrySet()) {
      long mask = e.getValue();
      if (Long.bitCount(mask) > 1) {
        straddling++;
        if (examples.size() < MAX_EXAMPLES) {
          List<String> names = new ArrayList<>();
          for (int i = 0; i < k; i++) {
            if ((mask & (1L << i)) != 0) {
              names.add(channels.get(i).name());
            }
          }
          examples.add("'" + e.getKey().replace('\0', '/') + "' in " + names);
        }
      }
    }
    if (straddling > 0) {
      violations.add(
          label
              + straddling
              + " group(s) appear in more than one channel, e.g. "
              + String.join(", ", examples));
    }
  }

  private void checkTimeOrder(List<String> violations, List<Channel> channels) {
    if (!expect.timeOrdered()) {
      return;
    }
    long gap = expect.gap().toMillis();
    for (int i = 0; i < k; i++) {
      if (earliest[i] == Long.MAX_VALUE) {
        continue;
      }
      for (int j = i + 1; j < k; j++) {
        if (earliest[j] == Long.MAX_VALUE) {
          continue;
        }
        // When latest < earliest their difference is positive but may pass Long.MAX_VALUE at the
        // extremes; as an unsigned long it is exact.
        boolean ordered =
            latest[i] < earliest[j] && Long.compareUnsigned(earliest[j] - latest[i], gap) > 0;
        if (!ordered) {
          violations.add(
              "time order: latest "
                  + channels.get(i).name()
                  + " record ("
                  + Instant.ofEpochMilli(latest[i])
                  + ") is not more than the gap ("
                  + expect.gap()
                  + ") before the earliest "
                  + channels.get(j).name()
                  + " record ("
                  + Instant.ofEpochMilli(earliest[j])
                  + ")");
        }
      }
    }
  }

  private void checkDomains(List<String> violations, List<Channel> channels) {
    if (expect.domainRoutes().isEmpty()) {
      return;
    }
    for (Map.Entry<String, long[]> e : new TreeMap<>(domainCounts).entrySet()) {
      String domain = e.getKey();
      ChannelFractions route = expect.routeFor(domain);
      long[] counts = e.getValue();
      if (route == null) {
        long n = sum(counts);
        violations.add(
            "domain routing: "
                + n
                + " record(s) of domain '"
                + domain
                + "' were assigned although it has no route and no default route");
        continue;
      }
      for (int i = 0; i < k; i++) {
        if (route.fraction(i) == 0 && counts[i] > 0) {
          violations.add(
              "domain routing: "
                  + counts[i]
                  + " record(s) of domain '"
                  + domain
                  + "' are in channel '"
                  + channels.get(i).name()
                  + "', which its route gives fraction 0");
        }
      }
    }
  }
}
