package dev.sluice.splitters;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a split promises, so the leakage auditor knows what to check: the channels, the requested
 * fractions (absent for domain splits, whose fractions are per domain), whether groups must stay
 * whole, whether channels must be time-ordered with a gap, and the domain routing tables.
 *
 * @param channels the channels in order
 * @param requested requested overall fractions, or null when they are per domain
 * @param groupsWhole whether no group may appear in two channels
 * @param timeOrdered whether channel i's records must all be earlier than channel i+1's
 * @param gap the minimum distance (exclusive) between consecutive non-empty channels when time
 *     ordered
 * @param domainRoutes domain value to routing table (empty unless a domain split)
 * @param defaultRoute the domain whose route applies to unknown domains, or null
 * @param groupsWholeWithinDomainOnly when groups must be whole only within each domain ({@code
 *     split.domain.cross-domain-groups = split-by-domain}): a group in two channels is then a leak
 *     the report counts, not a violation, unless it is in two channels within one domain
 */
public record SplitExpectations(
    List<Channel> channels,
    ChannelFractions requested,
    boolean groupsWhole,
    boolean timeOrdered,
    Duration gap,
    Map<String, ChannelFractions> domainRoutes,
    String defaultRoute,
    boolean groupsWholeWithinDomainOnly)
    implements Serializable {

  /** Copies the collections. */
  public SplitExpectations {
    channels = List.copyOf(channels);
    domainRoutes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(domainRoutes));
    gap = gap == null ? Duration.ZERO : gap;
  }

  /** Expectations of a plain split with overall fractions. */
  public static SplitExpectations plain(
      ChannelFractions requested, boolean groupsWhole, boolean timeOrdered, Duration gap) {
    return new SplitExpectations(
        requested.channels(), requested, groupsWhole, timeOrdered, gap, Map.of(), null, false);
  }

  /** The routing table that applies to {@code domain}, or null when it would be rejected. */
  public ChannelFractions routeFor(String domain) {
    ChannelFractions route = domain == null ? null : domainRoutes.get(domain);
    if (route == null && defaultRoute != null) {
      route = domainRoutes.get(defaultRoute);
    }
    return route;
  }
}
