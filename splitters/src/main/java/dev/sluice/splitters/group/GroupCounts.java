package dev.sluice.splitters.group;

import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitFields;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Planning accumulator for group plans: group to record count, and group to (domain to record
 * count) for records that carry a domain. Memory is proportional to the number of distinct (group,
 * domain) pairs, never to the number of records. Records without a group are counted in {@link
 * #recordsWithoutGroup()} only.
 */
public final class GroupCounts implements PlanningAccumulator {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, Long> totals = new HashMap<>();
  private final HashMap<String, HashMap<String, Long>> byDomain = new HashMap<>();
  private long recordsWithoutGroup;

  @Override
  public void add(SplitFields fields) {
    add(fields.group(), fields.domain(), 1);
  }

  /** Adds {@code count} records of {@code group} (null: no group) in {@code domain} (nullable). */
  public void add(String group, String domain, long count) {
    if (group == null) {
      recordsWithoutGroup += count;
      return;
    }
    totals.merge(group, count, Long::sum);
    if (domain != null) {
      byDomain.computeIfAbsent(group, g -> new HashMap<>(2)).merge(domain, count, Long::sum);
    }
  }

  @Override
  public void merge(PlanningAccumulator other) {
    if (!(other instanceof GroupCounts o)) {
      throw new IllegalArgumentException("cannot merge " + other.getClass() + " into GroupCounts");
    }
    o.totals.forEach((g, c) -> totals.merge(g, c, Long::sum));
    o.byDomain.forEach(
        (g, m) -> {
          HashMap<String, Long> mine = byDomain.computeIfAbsent(g, k -> new HashMap<>(2));
          m.forEach((d, c) -> mine.merge(d, c, Long::sum));
        });
    recordsWithoutGroup += o.recordsWithoutGroup;
  }

  /** Group to record count (read-only view). */
  public Map<String, Long> totals() {
    return Collections.unmodifiableMap(totals);
  }

  /** Domain to record count for {@code group} (empty when none had a domain). */
  public Map<String, Long> domainCounts(String group) {
    HashMap<String, Long> m = byDomain.get(group);
    return m == null ? Map.of() : Collections.unmodifiableMap(m);
  }

  /** Groups seen. */
  public Set<String> groups() {
    return Collections.unmodifiableSet(totals.keySet());
  }

  /** Every domain value seen with a group. */
  public Set<String> domains() {
    java.util.TreeSet<String> domains = new java.util.TreeSet<>();
    byDomain.values().forEach(m -> domains.addAll(m.keySet()));
    return domains;
  }

  /** Records with a group. */
  public long totalRecords() {
    long n = 0;
    for (long c : totals.values()) {
      n += c;
    }
    return n;
  }

  /** Records without a group (they will be rejected by group strategies). */
  public long recordsWithoutGroup() {
    return recordsWithoutGroup;
  }
}
