package dev.sluice.splitters.domain;

import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.group.GroupCounts;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anchor domain of every group found in more than one domain (domain strategy with group
 * inner).
 *
 * <p><b>Cross-domain group rule.</b> A group seen in several domains is anchored to the domain
 * where it has the most records; ties go to the domain first in table order (preset clean, then
 * noisy, then {@code split.domain.routes.*} in the order given, then other values alphabetically).
 * Its channel is the group hash mapped through the anchor domain's routing table, and all its
 * records, in every domain, go there. Records so sent by another domain's table are marked {@link
 * dev.sluice.splitters.Assignment#isRerouted()} and counted separately by the auditor. Groups seen
 * in one domain only need no entry and follow their domain's table.
 */
public final class DomainGroupPlan implements SplitPlan {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> anchors;
  private final long groups;
  private final long reroutedRecords;

  private DomainGroupPlan(HashMap<String, String> anchors, long groups, long reroutedRecords) {
    this.anchors = anchors;
    this.groups = groups;
    this.reroutedRecords = reroutedRecords;
  }

  /** Applies the rule to {@code counts}; {@code tableOrder} ranks domains for ties. */
  public static DomainGroupPlan anchor(GroupCounts counts, List<String> tableOrder) {
    HashMap<String, String> anchors = new HashMap<>();
    long rerouted = 0;
    for (String group : counts.groups()) {
      Map<String, Long> byDomain = counts.domainCounts(group);
      if (byDomain.size() < 2) {
        continue;
      }
      String best = null;
      long bestCount = -1;
      for (Map.Entry<String, Long> e : byDomain.entrySet()) {
        long c = e.getValue();
        if (c > bestCount || (c == bestCount && earlierInTable(e.getKey(), best, tableOrder))) {
          best = e.getKey();
          bestCount = c;
        }
      }
      anchors.put(group, best);
      for (Map.Entry<String, Long> e : byDomain.entrySet()) {
        if (!e.getKey().equals(best)) {
          rerouted += e.getValue();
        }
      }
    }
    return new DomainGroupPlan(anchors, counts.groups().size(), rerouted);
  }

  // Table order first; values outside the table come after it, alphabetically.
  private static boolean earlierInTable(String a, String b, List<String> tableOrder) {
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

  /** The anchor domain of {@code group}, or null when it was seen in one domain (or not at all). */
  public String anchorOf(String group) {
    return anchors.get(group);
  }

  /** Group to anchor domain, for groups in several domains (read-only). */
  public Map<String, String> anchors() {
    return Collections.unmodifiableMap(anchors);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mode", "domain-group");
    d.put("groups", groups);
    d.put("cross_domain_groups", anchors.size());
    d.put("rerouted_records", reroutedRecords);
    d.put(
        "rule",
        "a group in several domains follows the routing table of the domain where it has most"
            + " records (ties: first in table order)");
    return d;
  }
}
