package dev.sluice.splitters.domain;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitHash;
import dev.sluice.splitters.Splitter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Domain split: the record's domain value selects a routing table; the inner strategy's hash
 * (record key for random, group value for group) picks the channel within it, by {@link
 * ChannelFractions#indexFor}. A value missing from the table uses the default route if one is
 * configured, else the record is rejected ({@code UNKNOWN_DOMAIN}, or {@code MISSING_DOMAIN} when
 * the value is absent).
 *
 * <p>With group inner, a {@link DomainGroupPlan} keeps groups whole across domains: see its class
 * comment for the rule. A group not in the plan follows its own domain's table.
 */
public final class DomainSplitter implements Splitter {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, ChannelFractions> routes;
  private final String defaultRoute;
  private final ChannelFractions defaultTable;
  private final InnerStrategy inner;
  private final long seed;
  private final DomainGroupPlan plan;
  private final List<ChannelFractions> anyRoute;
  private final Assignment[] direct;
  private final Assignment[] rerouted;

  DomainSplitter(DomainRoutes domainRoutes, InnerStrategy inner, long seed, DomainGroupPlan plan) {
    LinkedHashMap<String, ChannelFractions> routes = new LinkedHashMap<>(domainRoutes.tables());
    String defaultRoute = domainRoutes.defaultRoute();
    this.routes = routes;
    this.defaultRoute = defaultRoute;
    this.defaultTable = defaultRoute == null ? null : routes.get(defaultRoute);
    this.inner = inner;
    this.seed = seed;
    this.plan = plan;
    this.anyRoute = List.copyOf(routes.values());
    this.direct = Assignment.table(anyRoute.get(0), false);
    this.rerouted = Assignment.table(anyRoute.get(0), true);
  }

  private ChannelFractions routeFor(String domain) {
    ChannelFractions route = domain == null ? null : routes.get(domain);
    return route != null ? route : defaultTable;
  }

  @Override
  public Assignment assign(SplitFields fields) {
    String domain = fields.domain();
    ChannelFractions route = routeFor(domain);
    if (route == null) {
      return Assignment.rejected(
          domain == null ? Assignment.Reason.MISSING_DOMAIN : Assignment.Reason.UNKNOWN_DOMAIN);
    }
    if (inner == InnerStrategy.RANDOM) {
      String key = fields.key();
      if (key == null) {
        return Assignment.rejected(Assignment.Reason.MISSING_KEY);
      }
      return direct[route.indexFor(SplitHash.unit(key, seed))];
    }
    String group = fields.group();
    if (group == null) {
      return Assignment.rejected(Assignment.Reason.MISSING_GROUP);
    }
    double u = SplitHash.unit(group, seed);
    String anchor = plan == null ? null : plan.anchorOf(group);
    if (anchor != null) {
      ChannelFractions anchorRoute = routeFor(anchor);
      if (anchorRoute != null && anchorRoute != route) {
        int channel = anchorRoute.indexFor(u);
        if (plan.policy() == CrossDomainPolicy.FOLLOW_MAJORITY) {
          return rerouted[channel];
        }
        // evaluation-first: follow the group only where this record's own route allows it.
        return route.fraction(channel) > 0 ? direct[channel] : Assignment.EXCLUDED_CROSS_DOMAIN;
      }
    }
    return direct[route.indexFor(u)];
  }

  @Override
  public SplitExpectations expectations() {
    return new SplitExpectations(
        anyRoute.get(0).channels(),
        null,
        inner == InnerStrategy.GROUP,
        false,
        Duration.ZERO,
        routes,
        defaultRoute,
        plan != null && plan.policy() == CrossDomainPolicy.SPLIT_BY_DOMAIN);
  }
}
