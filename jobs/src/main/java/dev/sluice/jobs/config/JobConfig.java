package dev.sluice.jobs.config;

import static dev.sluice.jobs.config.SluiceKeys.*;

import dev.sluice.connectors.fs.InvalidS3SettingsException;
import dev.sluice.connectors.fs.S3Settings;
import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.parse.InvalidSchemaMappingException;
import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.parse.TimestampFormat;
import dev.sluice.connectors.sink.ShardFormat;
import dev.sluice.connectors.source.OnCorruptObject;
import dev.sluice.connectors.source.SourceFormat;
import dev.sluice.connectors.source.TextReading;
import dev.sluice.jobs.target.AlgorithmTarget;
import dev.sluice.jobs.target.PredictorType;
import dev.sluice.jobs.target.TargetChecks;
import dev.sluice.jobs.target.TargetSettings;
import dev.sluice.splitters.SplitSpec;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's whole configuration, validated and bound to the objects the pipeline runs on: the source,
 * the schema mapping, the split, the sink and the job settings. {@link #from} checks everything
 * before any data moves and reports every problem at once.
 */
public record JobConfig(
    Settings settings,
    SourceSettings source,
    SchemaMapping schema,
    SplitSpec split,
    SinkSettings sink,
    JobSettings job,
    S3Settings s3,
    TargetSettings target) {

  /**
   * Where and how raw objects are read.
   *
   * @param textReading how text objects are cut into ranges and rows (split size, CSV header,
   *     quoted line breaks)
   */
  public record SourceSettings(
      String path,
      SourceFormat format,
      boolean csvHeader,
      Optional<Duration> monitorInterval,
      TextReading textReading)
      implements Serializable {
    public boolean continuous() {
      return monitorInterval.isPresent();
    }
  }

  /**
   * Where and how channels are written.
   *
   * @param shuffle whether records are shuffled within each channel ({@code sink.shuffle})
   */
  public record SinkSettings(
      String path,
      long maxShardBytes,
      long maxShardRecords,
      int minShardsPerChannel,
      double maxRejectedFraction,
      boolean overwrite,
      ShardFormat format,
      boolean shuffle,
      long shuffleSeed,
      int shuffleBufferRecords)
      implements Serializable {}

  /** The Flink job itself. */
  public record JobSettings(
      String name,
      Optional<Integer> parallelism,
      Duration checkpointInterval,
      Duration progressInterval,
      RunIdentity run)
      implements Serializable {}

  /**
   * Validates raw configuration and binds it, or throws listing every problem: those of single keys
   * and those only the combination of keys can tell, all in one message.
   */
  public static JobConfig from(RawConfig raw) {
    return from(raw, Clock.systemUTC());
  }

  /** As {@link #from(RawConfig)}, the run starting at {@code clock}'s instant. */
  public static JobConfig from(RawConfig raw, Clock clock) {
    ConfigValidator.Validation validation = ConfigValidator.check(raw);
    return bind(validation.settings(), new ArrayList<>(validation.problems()), clock);
  }

  /**
   * The S3 settings among {@code raw}'s keys alone, the others ignored: what reading {@code
   * --config s3://…} or inspecting {@code s3://…} needs before, or without, the rest of a
   * configuration.
   */
  public static S3Settings s3Settings(RawConfig raw) {
    ConfigValidator.Validation validation = ConfigValidator.checkPresent(raw.only("s3."));
    List<String> problems = new ArrayList<>(validation.problems());
    S3Settings s3 = bindS3(validation.settings(), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return s3;
  }

  /**
   * Binds validated settings, checking what only the combination of keys can tell. A required key
   * that is missing or bad is already among {@code problems}; the checks that need it are skipped
   * and the others still run.
   */
  private static JobConfig bind(Settings settings, List<String> problems, Clock clock) {
    Optional<String> sourcePath = settings.optionalString(SOURCE_PATH);
    Optional<SourceFormat> format =
        settings.optionalString(SOURCE_FORMAT).map(SourceFormat::fromConfigName);
    Optional<String> runId = settings.optionalString(JOB_RUN_ID);
    int problemsBeforeSinkPath = problems.size();
    runId.flatMap(RunIdentity::problemWithId).ifPresent(problems::add);
    // Resolved here, once per run: every later step sees the one path this run writes to.
    RunIdentity run = RunIdentity.startingNow(clock, runId);
    settings
        .optionalString(SINK_PATH)
        .map(RunIdentity::unknownPlaceholders)
        .filter(unknown -> !unknown.isEmpty())
        .ifPresent(
            unknown ->
                problems.add(
                    "sink.path: unknown placeholder "
                        + String.join(", ", unknown)
                        + "; sink.path may hold "
                        + String.join(", ", RunIdentity.PLACEHOLDERS)));
    // A sink.path whose run id or placeholders are refused is not a path to check further.
    Optional<String> sinkPath =
        problems.size() > problemsBeforeSinkPath
            ? Optional.empty()
            : settings.optionalString(SINK_PATH).map(run::resolve);
    Optional<Duration> monitorInterval = settings.optional(SOURCE_MONITOR_INTERVAL, Duration.class);
    if (monitorInterval.map(Duration::isZero).orElse(false)) {
      problems.add("source.monitor-interval: expected a positive duration such as 30s, got 0");
    }

    SchemaMapping schema = format.map(f -> bindSchema(settings, f, problems)).orElse(null);
    SplitSpec split = SplitBinding.bind(settings, monitorInterval.isPresent(), problems);
    if (sourcePath.isPresent() && sinkPath.isPresent()) {
      SourceSinkOverlap.problem(sourcePath.get(), sinkPath.get()).ifPresent(problems::add);
    }
    S3Settings s3 = bindS3(settings, problems);
    TargetSettings target = bindTarget(settings, problems);

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    SourceSettings source =
        new SourceSettings(
            sourcePath.orElseThrow(),
            format.orElseThrow(),
            settings.flag(SOURCE_CSV_HEADER),
            monitorInterval,
            new TextReading(
                settings.get(SOURCE_SPLIT_SIZE, Long.class),
                settings.flag(SOURCE_CSV_HEADER),
                settings.get(SOURCE_CSV_QUOTE, Character.class),
                settings.flag(SOURCE_CSV_QUOTED_NEWLINES)));
    SinkSettings sink =
        new SinkSettings(
            sinkPath.orElseThrow(),
            settings.get(SINK_MAX_SHARD_BYTES, Long.class),
            settings.optional(SINK_MAX_SHARD_RECORDS, Long.class).orElse(Long.MAX_VALUE),
            settings.get(SINK_MIN_SHARDS_PER_CHANNEL, Integer.class),
            settings.get(SINK_MAX_REJECTED_FRACTION, Double.class),
            settings.flag(SINK_OVERWRITE),
            ShardFormat.fromConfigName(settings.string(SINK_FORMAT)),
            settings.optional(SINK_SHUFFLE, Boolean.class).orElse(monitorInterval.isEmpty()),
            settings.get(SINK_SHUFFLE_SEED, Long.class),
            settings.get(SINK_SHUFFLE_BUFFER_RECORDS, Integer.class));
    JobSettings job =
        new JobSettings(
            settings.string(JOB_NAME),
            settings.optional(JOB_PARALLELISM, Integer.class),
            settings.get(JOB_CHECKPOINT_INTERVAL, Duration.class),
            settings.get(JOB_PROGRESS_INTERVAL, Duration.class),
            run);
    return new JobConfig(settings, source, schema, split, sink, job, s3, target);
  }

  /**
   * The {@code target.*} keys and what the configuration alone decides about them (see {@link
   * TargetChecks}); skipped when a key they need is itself bad.
   */
  private static TargetSettings bindTarget(Settings settings, List<String> problems) {
    Optional<String> algorithm = settings.optionalString(TARGET_ALGORITHM);
    Optional<String> featureType = settings.optionalString(SCHEMA_FEATURE_TYPE);
    Optional<String> format = settings.optionalString(SINK_FORMAT);
    Optional<Integer> instances = settings.optional(TARGET_INSTANCE_COUNT, Integer.class);
    Optional<Integer> minShards = settings.optional(SINK_MIN_SHARDS_PER_CHANNEL, Integer.class);
    if (algorithm.isEmpty()
        || featureType.isEmpty()
        || format.isEmpty()
        || instances.isEmpty()
        || minShards.isEmpty()
        || (settings.explicitKeys().contains(TARGET_PREDICTOR_TYPE.name())
            && !settings.has(TARGET_PREDICTOR_TYPE))) {
      return TargetSettings.generic();
    }
    TargetSettings target =
        new TargetSettings(
            AlgorithmTarget.fromConfigName(algorithm.get()),
            settings
                .optionalString(TARGET_PREDICTOR_TYPE)
                .map(PredictorType::fromConfigName)
                .orElse(null),
            instances.get());
    problems.addAll(
        TargetChecks.problems(
            target,
            FeatureType.fromConfigName(featureType.get()),
            settings.list(SCHEMA_LABEL),
            ShardFormat.fromConfigName(format.get()),
            minShards.get()));
    return target;
  }

  /** {@code source.on-corrupt-object}: fail the run, or skip the rest of a damaged object. */
  public OnCorruptObject onCorruptObject() {
    return OnCorruptObject.fromConfigName(settings.string(SOURCE_ON_CORRUPT_OBJECT));
  }

  /** The s3.* keys; their messages name the key and never show a secret. */
  private static S3Settings bindS3(Settings settings, List<String> problems) {
    try {
      S3Settings.Builder s3 =
          S3Settings.builder()
              .pathStyleAccess(settings.flag(S3_PATH_STYLE_ACCESS))
              .encryption(S3Settings.Encryption.fromSetting(settings.string(S3_SSE)))
              .credentials(
                  settings.optionalString(S3_ACCESS_KEY).orElse(null),
                  settings.optionalString(S3_SECRET_KEY).orElse(null));
      settings.optionalString(S3_ENDPOINT).ifPresent(s3::endpoint);
      settings.optionalString(S3_REGION).ifPresent(s3::region);
      settings.optionalString(S3_SSE_KMS_KEY_ID).ifPresent(s3::kmsKeyId);
      return s3.build();
    } catch (InvalidS3SettingsException e) {
      problems.addAll(e.problems());
      return S3Settings.defaults();
    }
  }

  private static SchemaMapping bindSchema(
      Settings settings, SourceFormat format, List<String> problems) {
    SchemaMapping.Builder schema =
        SchemaMapping.builder(format)
            .csvHeader(settings.flag(SOURCE_CSV_HEADER))
            .csvDelimiter(settings.get(SOURCE_CSV_DELIMITER, Character.class))
            .csvQuote(settings.get(SOURCE_CSV_QUOTE, Character.class))
            .libsvmZeroBased(settings.flag(SOURCE_LIBSVM_ZERO_BASED))
            .timestampFormat(
                TimestampFormat.fromConfigName(settings.string(SCHEMA_TIMESTAMP_FORMAT)))
            .featureType(FeatureType.fromConfigName(settings.string(SCHEMA_FEATURE_TYPE)))
            .allowNonFinite(settings.flag(SCHEMA_ALLOW_NON_FINITE))
            .labels(settings.list(SCHEMA_LABEL));
    settings.optional(SOURCE_LIBSVM_DIMENSION, Integer.class).ifPresent(schema::libsvmDimension);
    settings.optional(SCHEMA_FEATURE_DIMENSION, Integer.class).ifPresent(schema::featureDimension);
    settings.optionalString(SCHEMA_ID).ifPresent(schema::id);
    settings.optionalString(SCHEMA_TIMESTAMP).ifPresent(schema::timestamp);
    settings.optionalString(SCHEMA_GROUP).ifPresent(schema::group);
    settings.optionalString(SCHEMA_DOMAIN).ifPresent(schema::domain);
    List<String> features = settings.list(SCHEMA_FEATURES);
    if (features.equals(List.of("*"))) {
      schema.allRemainingFeatures();
    } else {
      schema.features(features);
    }
    try {
      return schema.build();
    } catch (InvalidSchemaMappingException e) {
      problems.addAll(e.problems());
      return null;
    }
  }
}
