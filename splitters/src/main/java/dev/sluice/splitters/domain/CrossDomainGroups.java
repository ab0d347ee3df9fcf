package dev.sluice.splitters.domain;

import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitHash;
import dev.sluice.splitters.group.GroupCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the planning pass found about groups in several domains, and what each {@link
 * CrossDomainPolicy} would do with them on this data: computed exactly from the per-group,
 * per-domain counts and the group hashes, before any record is written.
 *
 * <p>Costs per policy: {@code follow-majority} counts records put into a channel their own domain's
 * route gives fraction 0 (e.g. noisy records in train); {@code evaluation-first} counts records
 * excluded; {@code split-by-domain} counts groups that end up in more than one channel (the leak)
 * and their records.
 */
public final class CrossDomainGroups implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Groups listed as examples in messages (the counts are always complete). */
  static final int MAX_EXAMPLES = 5;

  private final long groups;
  private final TreeMap<String, Long> recordsPerDomain;
  private final TreeMap<String, Long> offRouteUnderMajority;
  private final TreeMap<String, Long> excludedUnderEvaluationFirst;
  private final long leakingGroupsUnderSplitByDomain;
  private final long leakingRecordsUnderSplitByDomain;
  private final List<String> examples;

  private CrossDomainGroups(
      long groups,
      TreeMap<String, Long> recordsPerDomain,
      TreeMap<String, Long> offRoute,
      TreeMap<String, Long> excluded,
      long leakingGroups,
      long leakingRecords,
      List<String> examples) {
    this.groups = groups;
    this.recordsPerDomain = recordsPerDomain;
    this.offRouteUnderMajority = offRoute;
    this.excludedUnderEvaluationFirst = excluded;
    this.leakingGroupsUnderSplitByDomain = leakingGroups;
    this.leakingRecordsUnderSplitByDomain = leakingRecords;
    this.examples = List.copyOf(examples);
  }

  /** Analyses {@code counts} under {@code routes} and {@code seed}. */
  static CrossDomainGroups analyse(GroupCounts counts, DomainRoutes routes, long seed) {
    Map<String, Long> domainTotals = domainTotals(counts);
    long groups = 0;
    TreeMap<String, Long> perDomain = new TreeMap<>();
    TreeMap<String, Long> offRoute = new TreeMap<>();
    TreeMap<String, Long> excluded = new TreeMap<>();
    long leakingGroups = 0;
    long leakingRecords = 0;
    List<String> examples = new ArrayList<>();
    for (String group : new java.util.TreeSet<>(counts.groups())) {
      Map<String, Long> byDomain = counts.domainCounts(group);
      if (byDomain.size() < 2) {
        continue;
      }
      groups++;
      if (examples.size() < MAX_EXAMPLES) {
        examples.add("'" + group + "' " + new TreeMap<>(byDomain));
      }
      byDomain.forEach((d, c) -> perDomain.merge(d, c, Long::sum));
      double u = SplitHash.unit(group, seed);
      // follow-majority
      ChannelFractions majority =
          routes.routeFor(
              anchor(byDomain, CrossDomainPolicy.FOLLOW_MAJORITY, domainTotals, routes));
      int majorityChannel = majority == null ? -1 : majority.indexFor(u);
      // evaluation-first
      ChannelFractions scarce =
          routes.routeFor(
              anchor(byDomain, CrossDomainPolicy.EVALUATION_FIRST, domainTotals, routes));
      int scarceChannel = scarce == null ? -1 : scarce.indexFor(u);
      java.util.BitSet channels = new java.util.BitSet();
      long groupRecords = 0;
      for (Map.Entry<String, Long> e : byDomain.entrySet()) {
        ChannelFractions own = routes.routeFor(e.getKey());
        if (own == null) {
          continue; // rejected whatever the policy
        }
        groupRecords += e.getValue();
        if (majorityChannel >= 0 && own.fraction(majorityChannel) == 0) {
          offRoute.merge(e.getKey(), e.getValue(), Long::sum);
        }
        if (scarceChannel >= 0 && own.fraction(scarceChannel) == 0) {
          excluded.merge(e.getKey(), e.getValue(), Long::sum);
        }
        channels.set(own.indexFor(u));
      }
      if (channels.cardinality() > 1) {
        leakingGroups++;
        leakingRecords += groupRecords;
      }
    }
    return new CrossDomainGroups(
        groups, perDomain, offRoute, excluded, leakingGroups, leakingRecords, examples);
  }

  /** Records per domain value over all groups (the scarce domain has fewest). */
  static Map<String, Long> domainTotals(GroupCounts counts) {
    HashMap<String, Long> totals = new HashMap<>();
    for (String group : counts.groups()) {
      counts.domainCounts(group).forEach((d, c) -> totals.merge(d, c, Long::sum));
    }
    return totals;
  }

  /**
   * The domain whose route places {@code group} under {@code policy}: the one with most of the
   * group's records (follow-majority; ties: first in table order), or the one scarcest in the whole
   * data (evaluation-first; ties: later in table order). Null for split-by-domain.
   */
  static String anchor(
      Map<String, Long> byDomain,
      CrossDomainPolicy policy,
      Map<String, Long> domainTotals,
      DomainRoutes routes) {
    List<String> order = routes.tableOrder();
    String best = null;
    long bestCount = 0;
    for (Map.Entry<String, Long> e : byDomain.entrySet()) {
      String d = e.getKey();
      switch (policy) {
        case FOLLOW_MAJORITY -> {
          long c = e.getValue();
          if (best == null || c > bestCount || (c == bestCount && earlierInTable(d, best, order))) {
            best = d;
            bestCount = c;
          }
        }
        case EVALUATION_FIRST -> {
          long c = domainTotals.getOrDefault(d, 0L);
          if (best == null || c < bestCount || (c == bestCount && earlierInTable(best, d, order))) {
            best = d;
            bestCount = c;
          }
        }
        case SPLIT_BY_DOMAIN -> {
          return null;
        }
      }
    }
    return best;
  }

  // Table order first; values outside the table come after it, alphabetically.
  static boolean earlierInTable(String a, String b, List<String> tableOrder) {
    int ia = tableOrder.indexOf(a);
    int ib = tableOrder.indexOf(b);
    if (ia >= 0 && ib >= 0) {
      return ia < ib;
    }
    if (ia >= 0 || ib >= 0) {
      return ia >= 0;
    }
    return a.compareTo(b) < 0;
  }

  /** Groups found in more than one domain. */
  public long groups() {
    return groups;
  }

  /** Records of those groups, per domain value. */
  public Map<String, Long> recordsPerDomain() {
    return java.util.Collections.unmodifiableMap(recordsPerDomain);
  }

  /** Under follow-majority: records per domain sent to a channel their route gives 0. */
  public Map<String, Long> offRouteUnderMajority() {
    return java.util.Collections.unmodifiableMap(offRouteUnderMajority);
  }

  /** Under evaluation-first: records per domain excluded. */
  public Map<String, Long> excludedUnderEvaluationFirst() {
    return java.util.Collections.unmodifiableMap(excludedUnderEvaluationFirst);
  }

  /** Under split-by-domain: groups that would end up in more than one channel. */
  public long leakingGroupsUnderSplitByDomain() {
    return leakingGroupsUnderSplitByDomain;
  }

  /** Figures for the report, and for the message when no policy is chosen. */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("groups", groups);
    d.put("records_per_domain", new LinkedHashMap<>(recordsPerDomain));
    d.put("examples", examples);
    Map<String, Object> costs = new LinkedHashMap<>();
    costs.put(
        CrossDomainPolicy.FOLLOW_MAJORITY.key(),
        Map.of("records_outside_their_route", new LinkedHashMap<>(offRouteUnderMajority)));
    costs.put(
        CrossDomainPolicy.EVALUATION_FIRST.key(),
        Map.of("records_excluded", new LinkedHashMap<>(excludedUnderEvaluationFirst)));
    Map<String, Object> leak = new LinkedHashMap<>();
    leak.put("groups_in_several_channels", leakingGroupsUnderSplitByDomain);
    leak.put("their_records", leakingRecordsUnderSplitByDomain);
    costs.put(CrossDomainPolicy.SPLIT_BY_DOMAIN.key(), leak);
    d.put("cost_per_policy", costs);
    return d;
  }

  /** One paragraph for the configuration error that asks the user to choose a policy. */
  public String explain() {
    return groups
        + " group(s) occur in more than one domain (records per domain: "
        + recordsPerDomain
        + "; e.g. "
        + String.join(", ", examples)
        + "). Choose what happens to them: follow-majority puts "
        + offRouteUnderMajority
        + " record(s) into a channel their own domain's route excludes; evaluation-first excludes "
        + excludedUnderEvaluationFirst
        + " record(s) and keeps every route and every group whole; split-by-domain keeps routes"
        + " but leaves "
        + leakingGroupsUnderSplitByDomain
        + " group(s) ("
        + leakingRecordsUnderSplitByDomain
        + " records) in more than one channel (a leak)";
  }
}
