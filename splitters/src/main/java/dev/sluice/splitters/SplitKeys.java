package dev.sluice.splitters;

/**
 * The names of the split keys, spelled here once: the specs' messages name them, and the jobs
 * module declares each key (type, default, meaning) under the same constant and maps it onto the
 * spec builders.
 */
public final class SplitKeys {
  private SplitKeys() {}

  public static final String STRATEGY = "split.strategy";
  public static final String SEED = "split.seed";
  public static final String CHANNELS = "split.channels";
  public static final String FRACTIONS = "split.fractions";
  public static final String GROUP_BALANCED = "split.group.balanced";
  public static final String GROUP_TOLERANCE = "split.group.tolerance";
  public static final String TIME_VALIDATION_START = "split.time.validation-start";
  public static final String TIME_TEST_START = "split.time.test-start";
  public static final String TIME_GAP = "split.time.gap";

  /** The family {@link #timeStart} spells out, as help and the README name it. */
  public static final String TIME_START_FAMILY = "split.time.<channel>-start";

  public static final String DOMAIN_PRESET = "split.domain.preset";
  public static final String DOMAIN_CLEAN = "split.domain.clean";
  public static final String DOMAIN_NOISY = "split.domain.noisy";
  public static final String DOMAIN_ROUTES_PREFIX = "split.domain.routes.";

  /** The family {@link #domainRoute} spells out, as help and the README name it. */
  public static final String DOMAIN_ROUTES_FAMILY = DOMAIN_ROUTES_PREFIX + "<domain>";

  public static final String DOMAIN_DEFAULT_ROUTE = "split.domain.default-route";
  public static final String DOMAIN_INNER = "split.domain.inner";
  public static final String STRATIFY_BY = "split.stratify-by";
  public static final String ALLOW_EMPTY_CHANNELS = "split.allow-empty-channels";
  public static final String DOMAIN_CROSS_DOMAIN_GROUPS = "split.domain.cross-domain-groups";
  public static final String SCHEMA_GROUP = "schema.group";
  public static final String SCHEMA_TIMESTAMP = "schema.timestamp";
  public static final String SCHEMA_DOMAIN = "schema.domain";

  /** {@code split.time.<channel>-start}: the start of a channel in time cut-off mode. */
  public static String timeStart(String channel) {
    return "split.time." + channel + "-start";
  }

  /** {@code split.domain.routes.<domain>}: the fractions for one domain value. */
  public static String domainRoute(String domain) {
    return DOMAIN_ROUTES_PREFIX + domain;
  }
}
