package dev.sluice.splitters.domain;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.group.GroupCounts;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code split.strategy = domain} with {@code split.domain.inner = group}: a planning pass counts
 * records per group per domain ({@link GroupCounts}) so that a group found in several domains is
 * placed by one rule (see {@link DomainGroupPlan}). A domain value seen in the planning pass with
 * no route and no default route is a configuration error. Made by {@link
 * DomainSplitSpec#builder()}.
 */
public final class DomainGroupSpec implements PlannedSpec {
  private static final long serialVersionUID = 1L;

  private final DomainRoutes routes;
  private final long seed;

  DomainGroupSpec(DomainRoutes routes, long seed) {
    this.routes = routes;
    this.seed = seed;
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
    return DomainGroupPlan.anchor(counts, routes.tableOrder());
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (!(plan instanceof DomainGroupPlan p)) {
      throw new IllegalArgumentException("domain/group split needs a DomainGroupPlan");
    }
    return new DomainSplitter(routes, InnerStrategy.GROUP, seed, p);
  }
}
