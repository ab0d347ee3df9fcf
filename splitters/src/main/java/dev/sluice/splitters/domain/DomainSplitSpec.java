package dev.sluice.splitters.domain;

import dev.sluice.splitters.Channel;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.ConfigProblems;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.group.GroupCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code split.strategy = domain}: a routing table per domain value (from a preset and/or {@code
 * split.domain.routes.<value>}), an optional default route, and an inner strategy.
 *
 * <p>Inner {@code random} needs no planning pass. Inner {@code group} needs one ({@link
 * GroupCounts} per group per domain) so that a group found in several domains stays whole (see
 * {@link DomainGroupPlan}); without a plan (continuous runs) it is refused.
 *
 * <p>Routes are validated like {@code split.fractions} (one per channel, each &ge; 0, summing to
 * 1). A domain value seen in the planning pass with no route and no default route is a
 * configuration error ({@link #checkKnownDomains}); one met later is rejected with a reason. {@code
 * split.fractions} is not used by this strategy.
 */
public final class DomainSplitSpec implements SplitSpec {
  private static final long serialVersionUID = 1L;

  private final List<Channel> channels;
  private final LinkedHashMap<String, ChannelFractions> routes;
  private final String defaultRoute;
  private final InnerStrategy inner;
  private final long seed;

  private DomainSplitSpec(
      List<Channel> channels,
      LinkedHashMap<String, ChannelFractions> routes,
      String defaultRoute,
      InnerStrategy inner,
      long seed) {
    this.channels = List.copyOf(channels);
    this.routes = routes;
    this.defaultRoute = defaultRoute;
    this.inner = inner;
    this.seed = seed;
  }

  /** A builder with the defaults (no preset, no routes, inner random). */
  public static Builder builder() {
    return new Builder();
  }

  /** Domain value to routing table, in table order. */
  public Map<String, ChannelFractions> routes() {
    return java.util.Collections.unmodifiableMap(routes);
  }

  /** The default route's domain value, or null. */
  public String defaultRoute() {
    return defaultRoute;
  }

  /** The inner strategy. */
  public InnerStrategy inner() {
    return inner;
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
    return channels;
  }

  @Override
  public boolean needsPlanningPass() {
    return inner == InnerStrategy.GROUP;
  }

  @Override
  public PlanningAccumulator newAccumulator() {
    requireGroupInner();
    return new GroupCounts();
  }

  /**
   * Throws a {@link SplitConfigException} naming {@code split.domain.routes.<value>} for each value
   * in {@code seen} that has no route, when there is no default route.
   */
  public void checkKnownDomains(Collection<String> seen) {
    if (defaultRoute != null) {
      return;
    }
    ConfigProblems problems = new ConfigProblems();
    for (String d : seen.stream().sorted().collect(Collectors.toList())) {
      if (!routes.containsKey(d)) {
        problems.add(
            SplitKeys.domainRoute(d),
            "domain value '"
                + d
                + "' occurs in the data but has no route; add split.domain.routes."
                + d
                + " (fractions for "
                + channels
                + "), or set split.domain.default-route to one of "
                + routes.keySet());
      }
    }
    problems.throwIfAny();
  }

  @Override
  public SplitPlan plan(PlanningAccumulator merged) {
    requireGroupInner();
    if (!(merged instanceof GroupCounts counts)) {
      throw new IllegalArgumentException("domain/group plan needs GroupCounts");
    }
    checkKnownDomains(counts.domains());
    return DomainGroupPlan.anchor(counts, new ArrayList<>(routes.keySet()));
  }

  @Override
  public Splitter splitter() {
    if (inner == InnerStrategy.GROUP) {
      throw new IllegalStateException(
          "split.domain.inner = group needs a planning pass (group counts per domain) so that a"
              + " group found in several domains stays in one channel; it cannot run"
              + " continuously. Use splitter(plan) in a batch run, or split.domain.inner = random");
    }
    return new DomainSplitter(routes, defaultRoute, inner, seed, null);
  }

  @Override
  public Splitter splitter(SplitPlan plan) {
    if (inner == InnerStrategy.RANDOM) {
      return splitter();
    }
    if (!(plan instanceof DomainGroupPlan p)) {
      throw new IllegalArgumentException("domain/group split needs a DomainGroupPlan");
    }
    return new DomainSplitter(routes, defaultRoute, inner, seed, p);
  }

  private void requireGroupInner() {
    if (inner != InnerStrategy.GROUP) {
      throw new IllegalStateException("domain split with random inner needs no planning pass");
    }
  }

  /** Builder: seed, channels, preset, clean/noisy values, routes, default route, inner. */
  public static final class Builder extends SpecBuilder<Builder> {
    private String preset;
    private String clean = "clean";
    private String noisy = "noisy";
    private final LinkedHashMap<String, List<Double>> routes = new LinkedHashMap<>();
    private String defaultRoute;
    private String inner = "random";

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

    /** {@code split.domain.inner}: random or group. */
    public Builder inner(String inner) {
      this.inner = inner;
      return this;
    }

    /** Validates; throws {@code SplitConfigException} with every problem. */
    public DomainSplitSpec build() {
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
      return new DomainSplitSpec(chans, table, defaultRoute, innerStrategy, seed);
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
