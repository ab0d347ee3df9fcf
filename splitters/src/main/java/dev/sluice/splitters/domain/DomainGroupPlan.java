package dev.sluice.splitters.domain;

import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.group.GroupCounts;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan of a domain split with group inner: the {@link CrossDomainPolicy} chosen for groups
 * found in several domains, the anchor domain of each such group (the domain whose route places
 * it), and what the planning pass found ({@link CrossDomainGroups}).
 *
 * <p>Anchors: {@code follow-majority} anchors a group to the domain where it has the most records
 * (ties: first in table order: preset clean, then noisy, then {@code split.domain.routes.*} in the
 * order given, then other values alphabetically); {@code evaluation-first} to the domain with the
 * fewest records in the whole data (ties: later in table order); {@code split-by-domain} anchors
 * nothing. The group's channel is its hash mapped through the anchor's route. Groups seen in one
 * domain need no entry and follow their domain's table.
 */
public final class DomainGroupPlan implements SplitPlan {
  private static final long serialVersionUID = 1L;

  private final CrossDomainPolicy policy;
  private final HashMap<String, String> anchors;
  private final long groups;
  private final CrossDomainGroups found;

  private DomainGroupPlan(
      CrossDomainPolicy policy,
      HashMap<String, String> anchors,
      long groups,
      CrossDomainGroups found) {
    this.policy = policy;
    this.anchors = anchors;
    this.groups = groups;
    this.found = found;
  }

  /** Applies {@code policy} to {@code counts} under {@code routes}. */
  public static DomainGroupPlan of(
      GroupCounts counts, DomainRoutes routes, long seed, CrossDomainPolicy policy) {
    return of(counts, routes, policy, CrossDomainGroups.analyse(counts, routes, seed));
  }

  static DomainGroupPlan of(
      GroupCounts counts, DomainRoutes routes, CrossDomainPolicy policy, CrossDomainGroups found) {
    HashMap<String, String> anchors = new HashMap<>();
    if (policy != CrossDomainPolicy.SPLIT_BY_DOMAIN) {
      Map<String, Long> totals = CrossDomainGroups.domainTotals(counts);
      for (String group : counts.groups()) {
        Map<String, Long> byDomain = counts.domainCounts(group);
        if (byDomain.size() > 1) {
          anchors.put(group, CrossDomainGroups.anchor(byDomain, policy, totals, routes));
        }
      }
    }
    return new DomainGroupPlan(policy, anchors, counts.groups().size(), found);
  }

  /** The policy for groups in several domains. */
  public CrossDomainPolicy policy() {
    return policy;
  }

  /** What the planning pass found about groups in several domains. */
  public CrossDomainGroups crossDomainGroups() {
    return found;
  }

  /**
   * The anchor domain of {@code group}, or null when it was seen in one domain (or not at all), or
   * the policy is split-by-domain.
   */
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
    d.put("cross_domain_groups", found.groups());
    d.put("policy", policy.key());
    d.put(
        "rule",
        switch (policy) {
          case FOLLOW_MAJORITY ->
              "a group in several domains follows the routing table of the domain where it has"
                  + " most records (ties: first in table order)";
          case EVALUATION_FIRST ->
              "a group in several domains goes where its scarcest domain's table sends it; its"
                  + " other records follow where their own route allows, else are excluded";
          case SPLIT_BY_DOMAIN ->
              "each domain's records follow their own table: a group in several domains is whole"
                  + " within each domain only, and may be in several channels (a leak)";
        });
    d.put("found", found.describe());
    return d;
  }
}
