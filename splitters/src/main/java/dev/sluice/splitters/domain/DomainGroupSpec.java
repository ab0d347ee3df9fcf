package dev.sluice.splitters.domain;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.group.GroupCounts;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code split.strategy = domain} with {@code split.domain.inner = group}: a planning pass counts
 * records per group per domain ({@link GroupCounts}) so that a group found in several domains is
 * placed by the chosen {@link CrossDomainPolicy} (see {@link DomainGroupPlan}). The planning pass
 * stops the run with a configuration error when it finds such groups and {@code
 * split.domain.cross-domain-groups} is not set, stating their count, their records per domain and
 * each policy's cost on this data; likewise for a domain value with no route and no default route.
 * Made by {@link DomainSplitSpec#builder()}.
 */
public final class DomainGroupSpec implements PlannedSpec {
  private static final long serialVersionUID = 1L;

  private final DomainRoutes routes;
  private final long seed;
  private final CrossDomainPolicy policy; // null: not chosen; the plan refuses cross-domain groups

  DomainGroupSpec(DomainRoutes routes, long seed, CrossDomainPolicy policy) {
    this.routes = routes;
    this.seed = seed;
    this.policy = policy;
  }

  /** {@code split.domain.cross-domain-groups}, or null when the configuration does not choose. */
  public CrossDomainPolicy crossDomainPolicy() {
    return policy;
  }

  /** The routing tables. */
  public DomainRoutes domainRoutes() {
    return routes;
  }

  /** Domain value to routing table, in table order. */
  public Map<String, ChannelFractions> routes() {
    return routes.tables();
  }

  /** See {@link DomainRoutes#checkKnownDomains}. */
  public void checkKnownDomains(Collection<String> seen) {
    routes.checkKnownDomains(seen);
  }

  @Override
  public String planningHint() {
    return "groups across domains; use " + SplitKeys.DOMAIN_INNER + " random";
  }

  @Override
  public String strategy() {
    return "domain";
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public List<Channel> channels() {
    return routes.channels();
  }

  @Override
  public GroupCounts newAccumulator() {
    return new GroupCounts();
  }

  @Override
  public DomainGroupPlan plan(PlanningAccumulator merged) {
    if (!(merged instanceof GroupCounts counts)) {
      throw new IllegalArgumentException("domain/group plan needs GroupCounts");
    }
    routes.checkKnownDomains(counts.domains());
    CrossDomainGroups found = CrossDomainGroups.analyse(counts, routes, seed);
    if (policy == null && found.groups() > 0) {
      ConfigProblems problems = new ConfigProblems();
      problems.add(
          SplitKeys.DOMAIN_CROSS_DOMAIN_GROUPS,
          found.explain()
              + ". Set split.domain.cross-domain-groups to follow-majority, evaluation-first or"
              + " split-by-domain");
      problems.throwIfAny();
    }
    // Without groups in several domains every policy assigns alike; name the one reported.
    CrossDomainPolicy applied = policy == null ? CrossDomainPolicy.EVALUATION_FIRST : policy;
    return DomainGroupPlan.of(counts, routes, applied, found);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!(plan instanceof DomainGroupPlan p)) {
      throw new IllegalArgumentException("domain/group split needs a DomainGroupPlan");
    }
    return new DomainSplitter(routes, InnerStrategy.GROUP, seed, p);
  }
}
