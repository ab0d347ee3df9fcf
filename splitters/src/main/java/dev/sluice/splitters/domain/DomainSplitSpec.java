package dev.sluice.splitters.domain;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitColumn;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code split.strategy = domain}: a routing table per domain value (from a preset and/or {@code
 * split.domain.routes.<value>}), an optional default route, and an inner strategy.
 *
 * <p>This class is inner {@code random}: needs no planning pass. Inner {@code group} is {@link
 * DomainGroupSpec}: it needs a planning pass (record counts per group per domain) so that a group
 * found in several domains is handled by {@code split.domain.cross-domain-groups}; without a plan
 * (continuous runs) it is refused. The builder here makes both.
 *
 * <p>Routes are validated like {@code split.fractions} (one per channel, each &ge; 0, summing to
 * 1). {@code split.fractions} is not used by this strategy.
 */
public final class DomainSplitSpec implements UnplannedSpec {
  private static final long serialVersionUID = 1L;

  private final DomainRoutes routes;
  private final long seed;

  private DomainSplitSpec(DomainRoutes routes, long seed) {
    this.routes = routes;
    this.seed = seed;
  }

  /** A builder with the defaults (no preset, no routes, inner random). */
  public static Builder builder() {
    return new Builder();
  }

  /** The routing tables. */
  public DomainRoutes domainRoutes() {
    return routes;
  }

  /** Domain value to routing table, in table order. */
  public Map<String, ChannelFractions> routes() {
    return routes.tables();
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
  public Splitter splitter() {
    return new DomainSplitter(routes, InnerStrategy.RANDOM, seed, null);
  }

  /** Builder: seed, channels, preset, clean/noisy values, routes, default route, inner. */
  public static final class Builder extends SpecBuilder<Builder> {
    private String preset;
    private String clean = "clean";
    private String noisy = "noisy";
    private final LinkedHashMap<String, List<Double>> routes = new LinkedHashMap<>();
    private String defaultRoute;
    private String inner = "random";
    private String crossDomainGroups;

    private Builder() {}

    /** {@code split.domain.preset}: clean-train-noisy-eval or clean-split-noisy-mixed. */
    public Builder preset(String preset) {
      this.preset = preset;
      return this;
    }

    /** {@code split.domain.clean}: the domain value meaning clean (default "clean"). */
    public Builder clean(String value) {
      this.clean = value;
      return this;
    }

    /** {@code split.domain.noisy}: the domain value meaning noisy (default "noisy"). */
    public Builder noisy(String value) {
      this.noisy = value;
      return this;
    }

    /** {@code split.domain.routes.<domain>}: fractions aligned to the channels. */
    public Builder route(String domain, List<Double> fractions) {
      routes.put(domain, fractions == null ? null : new ArrayList<>(fractions));
      return this;
    }

    /** Shortcut for {@link #route(String, List)}. */
    public Builder route(String domain, double... fractions) {
      return route(domain, Arrays.stream(fractions).boxed().collect(Collectors.toList()));
    }

    /** {@code split.domain.default-route}: a domain value whose route applies to unknown values. */
    public Builder defaultRoute(String domain) {
      this.defaultRoute = domain;
      return this;
    }

    /**
     * {@code split.domain.cross-domain-groups}: follow-majority, evaluation-first or
     * split-by-domain (inner group only); null leaves it unchosen, and the planning pass then stops
     * a run whose data has groups in several domains.
     */
    public Builder crossDomainGroups(String policy) {
      this.crossDomainGroups = policy;
      return this;
    }

    @Override
    public Map<SplitColumn, String> requiredColumns() {
      Map<SplitColumn, String> columns = new LinkedHashMap<>();
      columns.put(SplitColumn.DOMAIN, SplitKeys.STRATEGY + " domain");
      if ("group".equals(inner)) {
        columns.put(SplitColumn.GROUP, SplitKeys.DOMAIN_INNER + " group");
      }
      return columns;
    }

    /** {@code split.domain.inner}: random or group. */
    public Builder inner(String inner) {
      this.inner = inner;
      return this;
    }

    /**
     * Validates; throws {@code SplitConfigException} with every problem. Returns a {@link
     * DomainSplitSpec} for inner random, a {@link DomainGroupSpec} for inner group.
     */
    public SplitSpec build() {
      ConfigProblems problems = new ConfigProblems();
      List<Channel> chans =
          ChannelFractions.validateChannels(channels, SplitKeys.CHANNELS, problems);
      InnerStrategy innerStrategy = null;
      for (InnerStrategy s : InnerStrategy.values()) {
        if (s.key().equals(inner)) {
          innerStrategy = s;
        }
      }
      if (innerStrategy == null) {
        problems.add(SplitKeys.DOMAIN_INNER, "is '" + inner + "'; use random or group");
      }
      CrossDomainPolicy policy = null;
      if (crossDomainGroups != null) {
        policy = CrossDomainPolicy.fromKey(crossDomainGroups);
        if (policy == null) {
          problems.add(
              SplitKeys.DOMAIN_CROSS_DOMAIN_GROUPS,
              "is '"
                  + crossDomainGroups
                  + "'; use follow-majority, evaluation-first or split-by-domain");
        } else if (innerStrategy == InnerStrategy.RANDOM) {
          problems.add(
              SplitKeys.DOMAIN_CROSS_DOMAIN_GROUPS,
              "applies only with split.domain.inner = group (groups are not kept whole with"
                  + " inner random); set split.domain.inner to group or remove it");
        }
      }
      DomainPreset p = null;
      if (preset != null) {
        p = DomainPreset.fromKey(preset);
        if (p == null) {
          problems.add(
              SplitKeys.DOMAIN_PRESET,
              "is '"
                  + preset
                  + "'; use one of "
                  + Arrays.stream(DomainPreset.values())
                      .map(DomainPreset::key)
                      .collect(Collectors.toList()));
        }
        if (blank(clean)) {
          problems.add(SplitKeys.DOMAIN_CLEAN, "is empty; give the domain value meaning clean");
        }
        if (blank(noisy)) {
          problems.add(SplitKeys.DOMAIN_NOISY, "is empty; give the domain value meaning noisy");
        }
        if (!blank(clean) && clean.equals(noisy)) {
          problems.add(
              SplitKeys.DOMAIN_NOISY,
              "equals split.domain.clean ('"
                  + clean
                  + "'); clean and noisy must be different domain values");
        }
      }
      if (preset == null && routes.isEmpty()) {
        problems.add(
            SplitKeys.DOMAIN_ROUTES_PREFIX + "<domain-value>",
            "no routing table: give split.domain.preset ("
                + Arrays.stream(DomainPreset.values())
                    .map(DomainPreset::key)
                    .collect(Collectors.joining(" or "))
                + ") or a split.domain.routes.<domain-value> per domain");
      }
      for (String d : routes.keySet()) {
        if (blank(d)) {
          problems.add(
              SplitKeys.DOMAIN_ROUTES_PREFIX + "<domain-value>",
              "a route has an empty domain value; name the domain, e.g. split.domain.routes.clean");
        }
      }
      LinkedHashMap<String, ChannelFractions> table = new LinkedHashMap<>();
      if (chans != null) {
        boolean presetUsable = p != null && !blank(clean) && !blank(noisy) && !clean.equals(noisy);
        // Table order: the preset's clean and noisy values first, then other routes as given.
        List<String> order = new ArrayList<>();
        if (presetUsable) {
          order.add(clean);
          order.add(noisy);
        }
        for (String d : routes.keySet()) {
          if (!blank(d) && !order.contains(d)) {
            order.add(d);
          }
        }
        for (String d : order) {
          if (routes.containsKey(d)) {
            ChannelFractions route =
                ChannelFractions.validateFractions(
                    chans, routes.get(d), SplitKeys.domainRoute(d), problems);
            if (route != null) {
              table.put(d, route);
            }
          } else {
            addPreset(table, p, d, d.equals(clean) ? p.clean() : p.noisy(), chans, problems);
          }
        }
      }
      if (defaultRoute != null && problems.isEmpty() && !table.containsKey(defaultRoute)) {
        problems.add(
            SplitKeys.DOMAIN_DEFAULT_ROUTE,
            "is '"
                + defaultRoute
                + "', which has no route; use one of "
                + table.keySet()
                + " or add split.domain.routes."
                + defaultRoute);
      }
      problems.throwIfAny();
      DomainRoutes domainRoutes = new DomainRoutes(chans, table, defaultRoute);
      return innerStrategy == InnerStrategy.GROUP
          ? new DomainGroupSpec(domainRoutes, seed, policy)
          : new DomainSplitSpec(domainRoutes, seed);
    }

    private static void addPreset(
        LinkedHashMap<String, ChannelFractions> table,
        DomainPreset preset,
        String domain,
        Map<String, Double> fractions,
        List<Channel> chans,
        ConfigProblems problems) {
      List<String> names = chans.stream().map(Channel::name).collect(Collectors.toList());
      List<String> missing =
          fractions.keySet().stream().filter(c -> !names.contains(c)).collect(Collectors.toList());
      if (!missing.isEmpty()) {
        problems.add(
            SplitKeys.DOMAIN_PRESET,
            preset.key()
                + " routes "
                + domain
                + " records to "
                + missing
                + ", which split.channels "
                + names
                + " lacks; add those channels or give split.domain.routes."
                + domain);
        return;
      }
      List<Double> aligned = new ArrayList<>();
      for (String c : names) {
        aligned.add(fractions.getOrDefault(c, 0.0));
      }
      table.put(
          domain,
          ChannelFractions.validateFractions(chans, aligned, SplitKeys.DOMAIN_PRESET, problems));
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }
}
