package dev.sluice.splitters.domain;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.SplitKeys;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validated routing tables of a domain split: domain value to channel fractions in table order
 * (preset clean, preset noisy, then {@code split.domain.routes.*} as given), and the default route.
 */
public final class DomainRoutes implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Channel> channels;
  private final LinkedHashMap<String, ChannelFractions> tables;
  private final String defaultRoute;

  DomainRoutes(
      List<Channel> channels, LinkedHashMap<String, ChannelFractions> tables, String defaultRoute) {
    this.channels = List.copyOf(channels);
    this.tables = new LinkedHashMap<>(tables);
    this.defaultRoute = defaultRoute;
  }

  /** The channels, in order. */
  public List<Channel> channels() {
    return channels;
  }

  /** Domain value to routing table, in table order (read-only). */
  public Map<String, ChannelFractions> tables() {
    return Collections.unmodifiableMap(tables);
  }

  /** The domain values with a route, in table order. */
  public List<String> tableOrder() {
    return new ArrayList<>(tables.keySet());
  }

  /** The default route's domain value, or null. */
  public String defaultRoute() {
    return defaultRoute;
  }

  /** The table that applies to {@code domain}: its own, else the default route's, else null. */
  public ChannelFractions routeFor(String domain) {
    ChannelFractions route = domain == null ? null : tables.get(domain);
    return route != null || defaultRoute == null ? route : tables.get(defaultRoute);
  }

  /**
   * Throws a {@link dev.sluice.splitters.SplitConfigException} naming {@code
   * split.domain.routes.<value>} for each value in {@code seen} that has no route, when there is no
   * default route.
   */
  public void checkKnownDomains(Collection<String> seen) {
    if (defaultRoute != null) {
      return;
    }
    ConfigProblems problems = new ConfigProblems();
    for (String d : seen.stream().sorted().collect(Collectors.toList())) {
      if (!tables.containsKey(d)) {
        problems.add(
            SplitKeys.domainRoute(d),
            "domain value '"
                + d
                + "' occurs in the data but has no route; add split.domain.routes."
                + d
                + " (fractions for "
                + channels
                + "), or set split.domain.default-route to one of "
                + tables.keySet());
      }
    }
    problems.throwIfAny();
  }
}
