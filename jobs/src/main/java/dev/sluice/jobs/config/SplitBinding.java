package dev.sluice.jobs.config;

import static dev.sluice.jobs.config.SluiceKeys.*;

import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.SpecBuilder;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.SplitStrategy;
import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.time.TimeSplitSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code split.*} keys bound to a {@link SplitSpec}. What a strategy needs and owns is the
 * splitters' knowledge: the columns its builder asks for, the keys under its {@link
 * SplitStrategy#keyPrefix prefix}, whether it may be stratified, and why a planned spec plans. This
 * class only maps keys onto builders, one method per strategy.
 */
final class SplitBinding {
  private SplitBinding() {}

  /**
   * Binds the split, adding every problem to {@code problems}: those of the builder, columns the
   * schema does not map, keys of another strategy, and a planned split in a continuous run.
   *
   * @return the spec, or null when it has problems
   */
  static SplitSpec bind(Settings settings, boolean continuous, List<String> problems) {
    SplitStrategy strategy =
        SplitStrategy.fromConfigName(settings.string(SPLIT_STRATEGY))
            .orElseThrow(() -> new IllegalStateException("validated: " + SPLIT_STRATEGY));
    SpecBuilder<?> builder = builder(strategy, settings);
    SplitSpec split;
    try {
      split = builder.build();
    } catch (SplitConfigException e) {
      e.problems().forEach(p -> problems.add(p.toString()));
      split = null;
    }
    builder
        .requiredColumns()
        .forEach(
            (column, neededBy) -> {
              if (!settings.has(SluiceKeys.find(column.schemaKey()).orElseThrow())) {
                problems.add(
                    column.schemaKey()
                        + ": "
                        + neededBy
                        + " needs "
                        + column.description()
                        + "; set it");
              }
            });
    checkKeysOfOtherStrategies(strategy, settings, problems);
    checkStratifyBy(strategy, settings, problems);
    if (continuous && split instanceof PlannedSpec planned) {
      problems.add(
          "source.monitor-interval: a continuous run accepts only splits that need no planning"
              + " pass, but split.strategy "
              + split.strategy()
              + " as configured plans from the data ("
              + planned.planningHint()
              + "); remove source.monitor-interval for a bounded run");
    }
    return split;
  }

  private static SpecBuilder<?> builder(SplitStrategy strategy, Settings settings) {
    boolean stratified = settings.has(SPLIT_STRATIFY_BY);
    return switch (strategy) {
      case RANDOM -> common(RandomSplitSpec.builder(), settings).stratified(stratified);
      case GROUP -> group(settings).stratified(stratified);
      case TIME -> time(settings);
      case DOMAIN -> domain(settings);
    };
  }

  private static <B extends SpecBuilder<B>> B common(B builder, Settings settings) {
    return builder
        .seed(settings.get(SPLIT_SEED, Long.class))
        .channels(settings.list(SPLIT_CHANNELS))
        .fractions(settings.fractions(SPLIT_FRACTIONS));
  }

  private static GroupSplitSpec.Builder group(Settings settings) {
    GroupSplitSpec.Builder group =
        common(GroupSplitSpec.builder(), settings).balanced(settings.flag(SPLIT_GROUP_BALANCED));
    // Only an explicit tolerance is passed on: the splitter refuses one outside balanced mode.
    if (settings.explicitKeys().contains(SPLIT_GROUP_TOLERANCE.name())) {
      group.tolerance(settings.get(SPLIT_GROUP_TOLERANCE, Double.class));
    }
    return group;
  }

  private static TimeSplitSpec.Builder time(Settings settings) {
    TimeSplitSpec.Builder time =
        common(TimeSplitSpec.builder(), settings).gap(settings.get(SPLIT_TIME_GAP, Duration.class));
    settings.family(SPLIT_TIME_START, Instant.class).forEach(time::start);
    return time;
  }

  @SuppressWarnings("unchecked")
  private static DomainSplitSpec.Builder domain(Settings settings) {
    DomainSplitSpec.Builder domain =
        common(DomainSplitSpec.builder(), settings)
            .clean(settings.string(SPLIT_DOMAIN_CLEAN))
            .noisy(settings.string(SPLIT_DOMAIN_NOISY))
            .inner(settings.string(SPLIT_DOMAIN_INNER));
    settings.optionalString(SPLIT_DOMAIN_PRESET).ifPresent(domain::preset);
    settings.optionalString(SPLIT_DOMAIN_DEFAULT_ROUTE).ifPresent(domain::defaultRoute);
    settings.optionalString(SPLIT_DOMAIN_CROSS_DOMAIN_GROUPS).ifPresent(domain::crossDomainGroups);
    Map<String, List> routes = settings.family(SPLIT_DOMAIN_ROUTES, List.class);
    routes.forEach((value, fractions) -> domain.route(value, (List<Double>) fractions));
    return domain;
  }

  /** {@code split.stratify-by} names a label column, and applies where the strategy allows it. */
  private static void checkStratifyBy(
      SplitStrategy strategy, Settings settings, List<String> problems) {
    Optional<String> column = settings.optionalString(SPLIT_STRATIFY_BY);
    if (column.isEmpty()) {
      return;
    }
    if (!strategy.stratifiable()) {
      problems.add(
          "split.stratify-by: applies to split.strategy "
              + String.join(
                  " or ",
                  java.util.Arrays.stream(SplitStrategy.values())
                      .filter(SplitStrategy::stratifiable)
                      .map(SplitStrategy::configName)
                      .toList())
              + ", but split.strategy is "
              + strategy.configName()
              + "; remove split.stratify-by");
    }
    List<String> labels = settings.has(SCHEMA_LABEL) ? settings.list(SCHEMA_LABEL) : List.of();
    if (!labels.contains(column.get())) {
      problems.add(
          "split.stratify-by: '"
              + column.get()
              + "' is not a label column; stratify by one of schema.label "
              + labels
              + (labels.isEmpty() ? " (set schema.label first)" : ""));
    }
  }

  /** A key of another strategy is almost always a mistake in the strategy, so say so. */
  private static void checkKeysOfOtherStrategies(
      SplitStrategy strategy, Settings settings, List<String> problems) {
    for (String key : settings.explicitKeys()) {
      for (SplitStrategy other : SplitStrategy.values()) {
        if (other != strategy && key.startsWith(other.keyPrefix())) {
          problems.add(
              key
                  + ": applies to split.strategy "
                  + other.configName()
                  + ", but split.strategy is "
                  + strategy.configName());
        }
      }
    }
  }
}
