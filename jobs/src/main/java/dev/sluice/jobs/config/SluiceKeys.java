package dev.sluice.jobs.config;

import static dev.sluice.jobs.config.ConfigKey.key;

import dev.sluice.connectors.fs.S3Settings;
import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitStrategy;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key Sluice understands, each declared once: its name, type, default and
 * meaning. Validation, {@code --help}, the README's table and every carrier (YAML, arguments,
 * Managed Flink's runtime properties) work from this list. Names the splitters' and the S3
 * settings' messages also use are spelled in their modules ({@link SplitKeys}, {@link S3Settings})
 * and taken from there, so no key is spelled twice.
 */
public final class SluiceKeys {
  private SluiceKeys() {}

  // --- source ------------------------------------------------------------------------------

  public static final ConfigKey SOURCE_PATH =
      key("source.path", ValueType.STRING)
          .required()
          .describedAs(
              "The raw objects to read: one object or a folder (file:///..., s3://bucket/prefix/,"
                  + " or a local path).");
  public static final ConfigKey SOURCE_FORMAT =
      key("source.format", ValueType.STRING)
          .required()
          .oneOf("csv", "jsonl", "avro", "libsvm")
          .describedAs("The format of the raw objects. Objects ending in .gz are decompressed.");
  public static final ConfigKey SOURCE_MONITOR_INTERVAL =
      key("source.monitor-interval", ValueType.DURATION)
          .describedAs(
              "When set, the run is continuous: the path is scanned this often and new objects"
                  + " are picked up as they land. When absent, the run is bounded.");
  public static final ConfigKey SOURCE_CSV_HEADER =
      key("source.csv.header", ValueType.BOOLEAN)
          .defaultValue("true")
          .describedAs("Whether the first line of every CSV object names the columns.");
  public static final ConfigKey SOURCE_CSV_DELIMITER =
      key("source.csv.delimiter", ValueType.CHAR)
          .defaultValue(",")
          .describedAs("The CSV field delimiter (\\t for tab).");
  public static final ConfigKey SOURCE_CSV_QUOTE =
      key("source.csv.quote", ValueType.CHAR)
          .defaultValue("\"")
          .describedAs("The CSV quote character (RFC 4180: a quote inside is doubled).");
  public static final ConfigKey SOURCE_CSV_QUOTED_NEWLINES =
      key("source.csv.quoted-newlines", ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs(
              "Whether a quoted CSV field may hold line breaks. When true, a row runs on over as"
                  + " many lines as its quotes need, and each object is read whole by one reader"
                  + " (no source.split-size ranges).");
  public static final ConfigKey SOURCE_SPLIT_SIZE =
      key("source.split-size", ValueType.BYTES)
          .defaultValue("64mb")
          .describedAs(
              "Uncompressed CSV, JSON Lines and LibSVM objects larger than this are read as byte"
                  + " ranges of about this size by all readers at once; line numbers (and so the"
                  + " default uid <object>:<line> and every channel) stay those of the whole"
                  + " object. Gzip and Avro objects are read whole, one reader each.");
  public static final ConfigKey SOURCE_LIBSVM_DIMENSION =
      key("source.libsvm.dimension", ValueType.POSITIVE_INT)
          .describedAs("The feature dimension of LibSVM input; required for source.format libsvm.");
  public static final ConfigKey SOURCE_LIBSVM_ZERO_BASED =
      key("source.libsvm.zero-based", ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs(
              "Whether LibSVM feature indices start at 0 (they start at 1 by convention).");

  public static final ConfigKey SOURCE_ON_CORRUPT_OBJECT =
      key("source.on-corrupt-object", ValueType.STRING)
          .defaultValue("fail")
          .oneOf("fail", "skip")
          .describedAs(
              "An object that cannot be read to its end (a truncated or corrupt .gz or Avro"
                  + " file): fail stops the run naming the object and how much was read; skip"
                  + " keeps the rows read before the damage and rejects the rest as one"
                  + " corrupt_object row, and the other objects go on.");

  // --- schema ------------------------------------------------------------------------------

  public static final ConfigKey SCHEMA_ID =
      key("schema.id", ValueType.STRING)
          .describedAs(
              "The column holding a record id, used as the uid and the random split key. By"
                  + " default the uid is the object URI and line, <object>:<line>.");
  public static final ConfigKey SCHEMA_TIMESTAMP =
      key(SplitKeys.SCHEMA_TIMESTAMP, ValueType.STRING)
          .describedAs("The event-time column; required by split.strategy time.");
  public static final ConfigKey SCHEMA_TIMESTAMP_FORMAT =
      key("schema.timestamp-format", ValueType.STRING)
          .defaultValue("iso")
          .oneOf("iso", "epoch-seconds", "epoch-millis")
          .describedAs(
              "How timestamps are written: ISO-8601 date (start of day, UTC) or date-time (UTC"
                  + " when no zone is given), or epoch seconds or milliseconds.");
  public static final ConfigKey SCHEMA_GROUP =
      key(SplitKeys.SCHEMA_GROUP, ValueType.STRING)
          .describedAs(
              "The group column (speaker, patient, store); required by split.strategy group and"
                  + " by split.domain.inner group.");
  public static final ConfigKey SCHEMA_DOMAIN =
      key(SplitKeys.SCHEMA_DOMAIN, ValueType.STRING)
          .describedAs("The domain column (clean/noisy); required by split.strategy domain.");
  public static final ConfigKey SCHEMA_LABEL =
      key("schema.label", ValueType.LIST)
          .describedAs(
              "The label column, or several for a vector label. Absent for unsupervised data.");
  public static final ConfigKey SCHEMA_FEATURES =
      key("schema.features", ValueType.LIST)
          .defaultValue("*")
          .describedAs(
              "The feature columns in order, or * for all columns not used as id, timestamp,"
                  + " group, domain or label. Columns are names, or #N for the N-th (from 0).");
  public static final ConfigKey SCHEMA_FEATURE_TYPE =
      key("schema.feature-type", ValueType.STRING)
          .defaultValue("float32")
          .oneOf("float32", "float64", "int32")
          .describedAs("The tensor type the features are written as.");
  public static final ConfigKey SCHEMA_ALLOW_NON_FINITE =
      key("schema.allow-non-finite", ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs(
              "Whether NaN and infinite features and labels are kept instead of rejected.");

  public static final ConfigKey SCHEMA_FEATURE_DIMENSION =
      key("schema.feature-dimension", ValueType.POSITIVE_INT)
          .describedAs(
              "The number of dense features every row must have; rows with another are rejected"
                  + " (wrong_dimension). Without it, each object's first row fixes the number for"
                  + " that object (the CSV header, the first JSON line or Avro record), and a"
                  + " dense channel whose objects differ fails the run.");
  public static final ConfigKey SCHEMA_TIMESTAMP_PLAUSIBLE_FROM =
      key("schema.timestamp-plausible-from", ValueType.INSTANT)
          .defaultValue("1971-01-01")
          .describedAs(
              "Event times before this are implausible (seconds read as epoch-millis land in"
                  + " January 1970): the run warns; if every event time is outside the window it"
                  + " stops with exit code 2.");
  public static final ConfigKey SCHEMA_TIMESTAMP_PLAUSIBLE_UNTIL =
      key("schema.timestamp-plausible-until", ValueType.INSTANT)
          .defaultValue("2200-01-01")
          .describedAs(
              "Event times after this are implausible (millis read as epoch-seconds land in the"
                  + " year 55969); as for schema.timestamp-plausible-from.");

  // --- split -------------------------------------------------------------------------------

  public static final ConfigKey SPLIT_STRATEGY =
      key(SplitKeys.STRATEGY, ValueType.STRING)
          .defaultValue("random")
          .oneOf(SplitStrategy.configNames().toArray(String[]::new))
          .describedAs(
              "How records are assigned to channels: random (hash of the record key), group (all"
                  + " records of a group together), time (by event time; never random), domain"
                  + " (a routing table per domain value).");
  public static final ConfigKey SPLIT_SEED =
      key(SplitKeys.SEED, ValueType.LONG)
          .defaultValue("0")
          .describedAs("The salt of the split hash. Change it to draw a different split.");
  public static final ConfigKey SPLIT_CHANNELS =
      key(SplitKeys.CHANNELS, ValueType.LIST)
          .defaultValue("train,validation,test")
          .describedAs(
              "The channels in order. Names may hold lowercase letters, digits, - and _ (they"
                  + " become S3 prefixes), and may not start with _ (kept for metadata).");
  public static final ConfigKey SPLIT_FRACTIONS =
      key(SplitKeys.FRACTIONS, ValueType.FRACTION_LIST)
          .defaultValue("0.8,0.1,0.1")
          .describedAs("The share of each channel, in the order of split.channels; they sum to 1.");
  public static final ConfigKey SPLIT_STRATIFY_BY =
      key(SplitKeys.STRATIFY_BY, ValueType.STRING)
          .describedAs(
              "A label column (one of schema.label) whose classes keep their share in every"
                  + " channel (random and group strategies; plans from the data, so bounded runs"
                  + " only). With groups, groups stay whole and are placed from the planning pass"
                  + " (as StratifiedGroupKFold). A class with fewer records than channels is"
                  + " reported, not spread.");
  public static final ConfigKey SPLIT_ALLOW_EMPTY_CHANNELS =
      key(SplitKeys.ALLOW_EMPTY_CHANNELS, ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs(
              "Whether a bounded run may complete with a channel that was meant to receive records"
                  + " (a fraction above 0) but received none. By default such a run fails (exit 1,"
                  + " failed-report.json) and publishes nothing.");
  public static final ConfigKey SPLIT_GROUP_BALANCED =
      key(SplitKeys.GROUP_BALANCED, ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs(
              "Balance channels by records rather than by groups, from a planning pass over"
                  + " bounded input. Groups not in the plan fall back to the hash rule.");
  public static final ConfigKey SPLIT_GROUP_TOLERANCE =
      key(SplitKeys.GROUP_TOLERANCE, ValueType.FRACTION)
          .defaultValue("0.01")
          .describedAs(
              "Balanced mode: how far a channel's share of records may be from its target.");
  public static final ConfigKey SPLIT_TIME_START =
      key(SplitKeys.TIME_START_FAMILY, ValueType.INSTANT)
          .describedAs(
              "Time cut-off: records at or after it go to that channel (split.time.validation-start,"
                  + " split.time.test-start), one for each channel after the first. Without"
                  + " cut-offs, the cut-offs are planned from split.fractions.");
  public static final ConfigKey SPLIT_TIME_GAP =
      key(SplitKeys.TIME_GAP, ValueType.DURATION)
          .defaultValue("0s")
          .describedAs(
              "Records within this long before a cut-off are excluded (and counted), so no"
                  + " earlier channel lies closer than the gap to a later one.");
  public static final ConfigKey SPLIT_DOMAIN_PRESET =
      key(SplitKeys.DOMAIN_PRESET, ValueType.STRING)
          .oneOf("clean-train-noisy-eval", "clean-split-noisy-mixed")
          .describedAs(
              "A routing table from the field: clean-train-noisy-eval (clean 100% train; noisy"
                  + " 50% validation, 50% test) or clean-split-noisy-mixed (clean 90% train, 10%"
                  + " validation; noisy 30% validation, 70% test).");
  public static final ConfigKey SPLIT_DOMAIN_CLEAN =
      key(SplitKeys.DOMAIN_CLEAN, ValueType.STRING)
          .defaultValue("clean")
          .describedAs("The domain value the presets treat as clean.");
  public static final ConfigKey SPLIT_DOMAIN_NOISY =
      key(SplitKeys.DOMAIN_NOISY, ValueType.STRING)
          .defaultValue("noisy")
          .describedAs("The domain value the presets treat as noisy.");
  public static final ConfigKey SPLIT_DOMAIN_ROUTES =
      key(SplitKeys.DOMAIN_ROUTES_FAMILY, ValueType.FRACTION_LIST)
          .describedAs(
              "The channel fractions for one domain value, in the order of split.channels;"
                  + " overrides the preset's route for that value.");
  public static final ConfigKey SPLIT_DOMAIN_DEFAULT_ROUTE =
      key(SplitKeys.DOMAIN_DEFAULT_ROUTE, ValueType.STRING)
          .describedAs(
              "The domain value whose route applies to values missing from the table. Without"
                  + " it such records are rejected as unknown_domain; with split.domain.inner"
                  + " group the planning pass finds them first and the run stops before writing"
                  + " (exit 2).");
  public static final ConfigKey SPLIT_DOMAIN_INNER =
      key(SplitKeys.DOMAIN_INNER, ValueType.STRING)
          .defaultValue("random")
          .oneOf("random", "group")
          .describedAs("How the channel is chosen within a domain's route.");
  public static final ConfigKey SPLIT_DOMAIN_CROSS_DOMAIN_GROUPS =
      key(SplitKeys.DOMAIN_CROSS_DOMAIN_GROUPS, ValueType.STRING)
          .oneOf("follow-majority", "evaluation-first", "split-by-domain")
          .describedAs(
              "Inner group: where a group found in several domains goes. follow-majority (the"
                  + " domain with most of its records; may put scarce-domain records in train),"
                  + " evaluation-first (where its scarcest domain is routed; its other records"
                  + " follow where their route allows, else are excluded and counted),"
                  + " split-by-domain (each domain by its own route; the group may be in several"
                  + " channels, reported as a leak). Unset, a run whose data has such groups stops"
                  + " before writing (exit 2) and states each policy's cost.");

  // --- sink --------------------------------------------------------------------------------

  public static final ConfigKey SINK_PATH =
      key("sink.path", ValueType.STRING)
          .required()
          .describedAs(
              "The output root. Channels go to <path>/<channel>/, metadata to <path>/_sluice/,"
                  + " rejected rows to <path>/_rejected/.");
  public static final ConfigKey SINK_MAX_SHARD_BYTES =
      key("sink.max-shard-bytes", ValueType.BYTES)
          .defaultValue("256mb")
          .describedAs("A shard is closed once it holds this many bytes.");
  public static final ConfigKey SINK_MAX_SHARD_RECORDS =
      key("sink.max-shard-records", ValueType.POSITIVE_LONG)
          .describedAs("A shard is closed once it holds this many records (default: no limit).");
  public static final ConfigKey SINK_MIN_SHARDS_PER_CHANNEL =
      key("sink.min-shards-per-channel", ValueType.POSITIVE_INT)
          .defaultValue("1")
          .describedAs(
              "Spread every channel over at least this many shards (records go round robin to"
                  + " shard-NNN/ folders; a channel with fewer records gets one shard per record),"
                  + " so ShardedByS3Key can feed that many training instances.");
  public static final ConfigKey SINK_MAX_REJECTED_FRACTION =
      key("sink.max-rejected-fraction", ValueType.FRACTION)
          .defaultValue("0.01")
          .describedAs(
              "If more than this share of input rows is rejected, the run fails and nothing is"
                  + " published as complete.");

  public static final ConfigKey SINK_OVERWRITE =
      key("sink.overwrite", ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs(
              "Whether a bounded run may replace the output of an earlier run under sink.path."
                  + " When false, a run refuses to start over existing output.");

  public static final ConfigKey SINK_FORMAT =
      key("sink.format", ValueType.STRING)
          .defaultValue("recordio-protobuf")
          .oneOf("recordio-protobuf", "csv")
          .describedAs(
              "What the shards hold: RecordIO-protobuf (application/x-recordio-protobuf), or"
                  + " SageMaker's text/csv (label first, no header, one row per record; a vector"
                  + " label cannot be written as CSV).");
  public static final ConfigKey SINK_SHUFFLE =
      key("sink.shuffle", ValueType.BOOLEAN)
          .describedAs(
              "Order the records within each channel by a seeded hash of their uid, so input"
                  + " sorted by label or time reaches the algorithm mixed. Default: true for"
                  + " bounded runs (a full shuffle, sorted with bounded memory), false for"
                  + " continuous runs (true gives a shuffle buffer, sink.shuffle.buffer-records).");
  public static final ConfigKey SINK_SHUFFLE_SEED =
      key("sink.shuffle.seed", ValueType.LONG)
          .defaultValue("0")
          .describedAs(
              "The salt of the shuffle hash: the same seed gives the same order, byte for byte.");
  public static final ConfigKey SINK_SHUFFLE_BUFFER_RECORDS =
      key("sink.shuffle.buffer-records", ValueType.POSITIVE_INT)
          .defaultValue("10000")
          .describedAs(
              "Continuous runs: how many records per channel and writer the shuffle buffer holds.");

  // --- target ------------------------------------------------------------------------------

  public static final ConfigKey TARGET_ALGORITHM =
      key("target.algorithm", ValueType.STRING)
          .defaultValue("generic")
          .oneOf(
              "generic",
              "linear-learner",
              "factorization-machines",
              "knn",
              "kmeans",
              "pca",
              "ntm",
              "xgboost")
          .describedAs(
              "The SageMaker algorithm the channels are for. It adds the checks its documentation"
                  + " states (tensor type, label present or absent, scalar label and its values,"
                  + " one feature dimension, enough shards) and picks the InputMode of"
                  + " input-data-config.json.");
  public static final ConfigKey TARGET_PREDICTOR_TYPE =
      key("target.predictor-type", ValueType.STRING)
          .oneOf("binary_classifier", "multiclass_classifier", "regressor")
          .describedAs(
              "The supervised target's predictor type; it decides the label values allowed:"
                  + " 0 or 1 (binary_classifier), 0, 1, 2, ... (multiclass_classifier), any"
                  + " finite number (regressor). Records with another label are rejected.");
  public static final ConfigKey TARGET_INSTANCE_COUNT =
      key("target.instance-count", ValueType.POSITIVE_INT)
          .defaultValue("1")
          .describedAs(
              "How many instances the training job runs on. With ShardedByS3Key an instance"
                  + " gets no data when a channel has fewer shards, so every channel needs at"
                  + " least this many (sink.min-shards-per-channel); a run that writes fewer fails.");

  // --- job ---------------------------------------------------------------------------------

  public static final ConfigKey JOB_NAME =
      key("job.name", ValueType.STRING).defaultValue("sluice").describedAs("The Flink job name.");
  public static final ConfigKey JOB_PARALLELISM =
      key("job.parallelism", ValueType.POSITIVE_INT)
          .describedAs("The job's parallelism (default: the cluster's or the local core count).");
  public static final ConfigKey JOB_CHECKPOINT_INTERVAL =
      key("job.checkpoint-interval", ValueType.DURATION)
          .defaultValue("30s")
          .describedAs(
              "Continuous runs: how often output is committed (exactly-once via checkpoints).");
  public static final ConfigKey JOB_PROGRESS_INTERVAL =
      key("job.progress-interval", ValueType.DURATION)
          .defaultValue("5s")
          .describedAs("Local runs: how often a progress line is logged.");
  public static final ConfigKey JOB_RUN_ID =
      key("job.run-id", ValueType.STRING)
          .describedAs(
              "The run's id, for {run-id} in sink.path (default: the start time and a random"
                  + " suffix, such as 20261202T151200Z-3f9a1c). sink.path may also hold {date}"
                  + " and {time} (UTC); all are fixed once per run and the report records the"
                  + " resolved path.");

  // --- s3 ----------------------------------------------------------------------------------

  public static final ConfigKey S3_ENDPOINT =
      key(S3Settings.ENDPOINT, ValueType.STRING)
          .describedAs("An S3-compatible endpoint URL (default: AWS for the region).");
  public static final ConfigKey S3_PATH_STYLE_ACCESS =
      key(S3Settings.PATH_STYLE_ACCESS, ValueType.BOOLEAN)
          .defaultValue("false")
          .describedAs("Use path-style requests; most local S3-compatible stores need it.");
  public static final ConfigKey S3_REGION =
      key(S3Settings.REGION, ValueType.STRING).describedAs("The AWS region of the buckets.");
  public static final ConfigKey S3_ACCESS_KEY =
      key(S3Settings.ACCESS_KEY, ValueType.STRING)
          .secret()
          .describedAs(
              "An explicit access key, for tests and local stores. Without it the default AWS"
                  + " credentials chain is used.");
  public static final ConfigKey S3_SECRET_KEY =
      key(S3Settings.SECRET_KEY, ValueType.STRING)
          .secret()
          .describedAs("The secret key that goes with s3.access-key.");
  public static final ConfigKey S3_SSE =
      key(S3Settings.SSE, ValueType.STRING)
          .defaultValue("none")
          .oneOf("none", "sse-s3", "sse-kms")
          .describedAs("Server-side encryption of the output.");
  public static final ConfigKey S3_SSE_KMS_KEY_ID =
      key(S3Settings.SSE_KMS_KEY_ID, ValueType.STRING)
          .describedAs("The KMS key for s3.sse sse-kms (default: the account's AWS managed key).");

  /** Every key, in the order help and the README list them. */
  public static final List<ConfigKey> ALL =
      List.of(
          SOURCE_PATH,
          SOURCE_FORMAT,
          SOURCE_MONITOR_INTERVAL,
          SOURCE_CSV_HEADER,
          SOURCE_CSV_DELIMITER,
          SOURCE_CSV_QUOTE,
          SOURCE_CSV_QUOTED_NEWLINES,
          SOURCE_SPLIT_SIZE,
          SOURCE_LIBSVM_DIMENSION,
          SOURCE_LIBSVM_ZERO_BASED,
          SOURCE_ON_CORRUPT_OBJECT,
          SCHEMA_ID,
          SCHEMA_TIMESTAMP,
          SCHEMA_TIMESTAMP_FORMAT,
          SCHEMA_GROUP,
          SCHEMA_DOMAIN,
          SCHEMA_LABEL,
          SCHEMA_FEATURES,
          SCHEMA_FEATURE_TYPE,
          SCHEMA_ALLOW_NON_FINITE,
          SCHEMA_FEATURE_DIMENSION,
          SCHEMA_TIMESTAMP_PLAUSIBLE_FROM,
          SCHEMA_TIMESTAMP_PLAUSIBLE_UNTIL,
          SPLIT_STRATEGY,
          SPLIT_SEED,
          SPLIT_CHANNELS,
          SPLIT_FRACTIONS,
          SPLIT_STRATIFY_BY,
          SPLIT_ALLOW_EMPTY_CHANNELS,
          SPLIT_GROUP_BALANCED,
          SPLIT_GROUP_TOLERANCE,
          SPLIT_TIME_START,
          SPLIT_TIME_GAP,
          SPLIT_DOMAIN_PRESET,
          SPLIT_DOMAIN_CLEAN,
          SPLIT_DOMAIN_NOISY,
          SPLIT_DOMAIN_ROUTES,
          SPLIT_DOMAIN_DEFAULT_ROUTE,
          SPLIT_DOMAIN_INNER,
          SPLIT_DOMAIN_CROSS_DOMAIN_GROUPS,
          SINK_PATH,
          SINK_MAX_SHARD_BYTES,
          SINK_MAX_SHARD_RECORDS,
          SINK_MIN_SHARDS_PER_CHANNEL,
          SINK_MAX_REJECTED_FRACTION,
          SINK_OVERWRITE,
          SINK_FORMAT,
          SINK_SHUFFLE,
          SINK_SHUFFLE_SEED,
          SINK_SHUFFLE_BUFFER_RECORDS,
          TARGET_ALGORITHM,
          TARGET_PREDICTOR_TYPE,
          TARGET_INSTANCE_COUNT,
          JOB_NAME,
          JOB_PARALLELISM,
          JOB_CHECKPOINT_INTERVAL,
          JOB_PROGRESS_INTERVAL,
          JOB_RUN_ID,
          S3_ENDPOINT,
          S3_PATH_STYLE_ACCESS,
          S3_REGION,
          S3_ACCESS_KEY,
          S3_SECRET_KEY,
          S3_SSE,
          S3_SSE_KMS_KEY_ID);

  /** The key or key family a concrete key from a carrier belongs to. */
  public static Optional<ConfigKey> find(String concrete) {
    for (ConfigKey key : ALL) {
      if (key.matches(concrete)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
