package dev.sluice.jobs.run;

import dev.sluice.connectors.fs.OpenUploads;
import dev.sluice.jobs.config.ConfigException;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.pipeline.PlanningPass;
import dev.sluice.jobs.pipeline.SluiceJob;
import dev.sluice.jobs.publish.ChannelShards;
import dev.sluice.jobs.publish.EstimatorInputs;
import dev.sluice.jobs.publish.JsonFiles;
import dev.sluice.jobs.publish.OutputLayout;
import dev.sluice.jobs.publish.SageMakerChannels;
import dev.sluice.jobs.target.TargetVerdict;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.group.BalancedGroupPlan;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the Sluice job, start to finish. A bounded run: list the input, check the output
 * location, plan if the split needs it, run the dataflow in BATCH mode, then publish — clean the
 * channel prefixes, write the manifests and the InputDataConfig, and write the report last so its
 * presence marks a complete run. A continuous run: the dataflow in STREAMING mode with checkpoints,
 * committing shards at each one, until it is stopped.
 */
public final class SluiceRun {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceRun.class);

  private final JobConfig config;
  private final Supplier<StreamExecutionEnvironment> environments;
  private final UnaryOperator<SluiceJob> jobCustomizer;

  public SluiceRun(JobConfig config) {
    this(
        config,
        () -> StreamExecutionEnvironment.getExecutionEnvironment(localClusterSettings()),
        UnaryOperator.identity());
  }

  /**
   * For the mini-cluster of a local run: task managers report their accumulators with their
   * heartbeats, every ten seconds by default, which leaves the progress line at zero through most
   * of a short run; every second keeps it current. A cluster's own settings are left alone.
   */
  private static Configuration localClusterSettings() {
    Configuration settings = new Configuration();
    settings.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    return settings;
  }

  /**
   * @param environments a fresh environment per job (the planning pass and the main pass)
   * @param jobCustomizer adjusts the dataflow before it runs; tests inject failures with it
   */
  public SluiceRun(
      JobConfig config,
      Supplier<StreamExecutionEnvironment> environments,
      UnaryOperator<SluiceJob> jobCustomizer) {
    this.config = config;
    this.environments = environments;
    this.jobCustomizer = jobCustomizer;
  }

  /** Runs the job; for a bounded run, returns once the output is published. */
  public RunResult run() throws Exception {
    Started started = start();
    JobExecutionResult result;
    try (ProgressLogger progress =
        ProgressLogger.start(started.client(), config.job().progressInterval())) {
      result = started.client().getJobExecutionResult().get();
    }
    if (config.source().continuous()) {
      throw new RunFailedException("the continuous run ended");
    }
    RunCounts counts = RunCounts.from(result);
    return publish(started, counts, Instant.now());
  }

  /**
   * Checks the input and output, plans if the split needs it, and submits the dataflow. A
   * continuous run goes on until its client cancels it or stops it with a savepoint.
   */
  public Started start() throws Exception {
    Instant startedAt = Instant.now();
    LocalFileSystems.initialize(config.s3());
    // Qualified, so the manifests and the report name the output as a training job must find it.
    Path root = new Path(config.sink().path());
    OutputLayout layout = new OutputLayout(root.makeQualified(root.getFileSystem()));
    boolean bounded = !config.source().continuous();

    List<InputObjects.InputObject> inputs;
    try {
      inputs = InputObjects.list(config.source().path());
    } catch (IOException e) {
      throw new RunFailedException(
          "source.path " + config.source().path() + " cannot be listed", e);
    }
    if (bounded) {
      if (inputs.isEmpty()) {
        throw new RunFailedException(
            "source.path "
                + config.source().path()
                + " holds no objects to read (names starting with . or _ are skipped)");
      }
      try {
        prepareOutput(layout);
      } catch (IOException e) {
        throw new RunFailedException(
            "sink.path " + config.sink().path() + " cannot be prepared", e);
      }
    }
    LOG.info(
        "reading {} objects ({} bytes) from {}",
        inputs.size(),
        inputs.stream().mapToLong(InputObjects.InputObject::bytes).sum(),
        config.source().path());

    SplitPlan plan = null;
    Splitter splitter;
    if (config.split().needsPlanningPass()) {
      LOG.info("planning pass: the {} split plans from the data", config.split().strategy());
      try {
        StreamExecutionEnvironment planning = environments.get();
        configure(planning, true);
        plan = PlanningPass.run(planning, config);
        splitter = config.split().splitter(plan);
      } catch (SplitConfigException e) {
        throw ConfigException.foundByThePlanningPass(
            e.problems().stream().map(Object::toString).toList());
      }
      LOG.info("plan: {}", plan.describe());
    } else {
      splitter = config.split().splitter();
    }

    StreamExecutionEnvironment env = environments.get();
    configure(env, bounded);
    jobCustomizer.apply(SluiceJob.forConfig(config, splitter)).addTo(env);
    JobClient client = env.executeAsync(config.job().name());
    return new Started(client, layout, inputs, plan, startedAt);
  }

  /** A submitted run: its client, and what publishing it will need. */
  public record Started(
      JobClient client,
      OutputLayout layout,
      List<InputObjects.InputObject> inputs,
      SplitPlan plan,
      Instant startedAt) {}

  private void configure(StreamExecutionEnvironment env, boolean bounded) {
    config.job().parallelism().ifPresent(env::setParallelism);
    // Records are handed on synchronously and never kept, so reuse is safe and saves copies.
    env.getConfig().enableObjectReuse();
    if (bounded) {
      env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    } else {
      env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
      env.enableCheckpointing(
          config.job().checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }
  }

  /**
   * A bounded run writes into an empty location, or replaces an earlier run's output when {@code
   * sink.overwrite} allows; mixing the shards of two runs would publish both.
   */
  private void prepareOutput(OutputLayout layout) throws IOException {
    FileSystem fs = layout.root().getFileSystem();
    List<Path> previous = new ArrayList<>();
    for (Channel channel : config.split().channels()) {
      previous.add(layout.channel(channel.name()));
    }
    previous.add(layout.metadata());
    previous.add(layout.rejected());
    List<Path> existing = new ArrayList<>();
    for (Path path : previous) {
      if (fs.exists(path)) {
        existing.add(path);
      }
    }
    if (existing.isEmpty()) {
      return;
    }
    if (!config.sink().overwrite()) {
      throw new RunFailedException(
          "sink.path "
              + config.sink().path()
              + " already holds output of an earlier run ("
              + existing.get(0).getName()
              + "/); choose an empty sink.path or set sink.overwrite true");
    }
    for (Path path : existing) {
      LOG.info("sink.overwrite: removing {}", path);
      fs.delete(path, true);
    }
  }

  private RunResult publish(Started run, RunCounts counts, Instant finished) throws IOException {
    OutputLayout layout = run.layout();
    Instant started = run.startedAt();
    double seconds = Duration.between(started, finished).toMillis() / 1000.0;
    Map<String, List<ChannelShards.Shard>> shards = new LinkedHashMap<>();
    Map<String, ChannelShards.Cleanup> cleanups = new LinkedHashMap<>();
    for (Channel channel : config.split().channels()) {
      Path prefix = layout.channel(channel.name());
      cleanups.put(channel.name(), ChannelShards.cleanUp(prefix));
      shards.put(channel.name(), ChannelShards.list(prefix));
    }
    // Rejected rows are written the same way; their failed attempts' uploads are aborted too.
    OpenUploads.abortUnder(layout.rejected());
    List<String> warnings = warnings(run.plan(), shards, cleanups);
    RunReport report =
        new RunReport(config, started, finished, "complete")
            .inputs(config.source().path(), config.source().format().configName(), run.inputs())
            .plan(run.plan())
            .counts(counts, seconds)
            .channels(layout, counts.audit(), shards, cleanups)
            .warnings(warnings);
    report
        .json()
        .set("estimator", EstimatorInputs.of(config).describe(layout, counts.statistics()));

    String failure = failure(counts, shards);
    if (failure != null) {
      report.json().put("status", "failed");
      report.failure(failure);
      JsonFiles.write(layout.failedReport(), report.json());
      throw new RunFailedException(
          failure + "; nothing was published as complete (see " + layout.failedReport() + ")");
    }

    Map<String, String> prefixes = new LinkedHashMap<>();
    Map<String, String> manifests = new LinkedHashMap<>();
    for (Channel channel : config.split().channels()) {
      Path prefix = layout.channel(channel.name());
      JsonFiles.write(
          layout.manifest(channel.name()),
          SageMakerChannels.manifest(prefix, shards.get(channel.name())));
      prefixes.put(channel.name(), OutputLayout.folderUri(prefix));
      manifests.put(channel.name(), layout.manifest(channel.name()).toUri().toString());
    }
    EstimatorInputs estimator = EstimatorInputs.of(config);
    JsonFiles.write(
        layout.inputDataConfig(),
        SageMakerChannels.inputDataConfig(
            prefixes, "S3Prefix", estimator.contentType(), estimator.inputMode()));
    JsonFiles.write(
        layout.manifestInputDataConfig(),
        SageMakerChannels.inputDataConfig(
            manifests, "ManifestFile", estimator.contentType(), estimator.inputMode()));
    // Last: its presence marks a complete run.
    JsonFiles.write(layout.report(), report.json());
    LOG.info(
        "done: {} rows read, {} written, {} excluded by gap, {} rejected in {} s; report at {}",
        counts.rowsRead(),
        counts.rowsWritten(),
        counts.rowsExcludedByGap(),
        counts.rowsRejected(),
        seconds,
        layout.report());
    return new RunResult(layout, counts, shards, warnings);
  }

  private String failure(RunCounts counts, Map<String, List<ChannelShards.Shard>> shards) {
    if (counts.rejectedFraction() > config.sink().maxRejectedFraction()) {
      return String.format(
          "%d of %d rows (%.4f) were rejected, more than sink.max-rejected-fraction %s; the"
              + " rejected rows and their reasons are under _rejected/",
          counts.rowsRejected(),
          counts.rowsRead(),
          counts.rejectedFraction(),
          config.sink().maxRejectedFraction());
    }
    if (!counts.balanced()) {
      return "rows read ("
          + counts.rowsRead()
          + ") differ from written + excluded + rejected ("
          + (counts.rowsWritten() + counts.rowsExcludedByGap() + counts.rowsRejected())
          + ")";
    }
    if (!counts.audit().passed()) {
      return "the leakage audit failed: " + String.join("; ", counts.audit().violations());
    }
    Map<String, Integer> shardCounts = new LinkedHashMap<>();
    shards.forEach(
        (channel, list) -> {
          if (!list.isEmpty()) {
            shardCounts.put(channel, list.size());
          }
        });
    List<String> unfit = TargetVerdict.failures(config.target(), counts.statistics(), shardCounts);
    if (!unfit.isEmpty()) {
      return "the channels do not suit target.algorithm "
          + config.target().algorithm().configName()
          + ": "
          + String.join("; ", unfit);
    }
    return null;
  }

  private List<String> warnings(
      SplitPlan plan,
      Map<String, List<ChannelShards.Shard>> shards,
      Map<String, ChannelShards.Cleanup> cleanups) {
    List<String> warnings = new ArrayList<>();
    if (plan instanceof BalancedGroupPlan balanced && !balanced.withinTolerance()) {
      warnings.add(
          "split.group.balanced: the group sizes do not allow every channel's share of records"
              + " within split.group.tolerance "
              + balanced.tolerance()
              + " of its target; the plan in this report has the realised fractions");
    }
    if (config.sink().path().startsWith("s3")
        && cleanups.values().stream().anyMatch(c -> c.abortedUploads().isEmpty())) {
      warnings.add(
          "multipart uploads that failed attempts left open under sink.path could not be"
              + " aborted from here (the S3 filesystem is a plugin); they are invisible to"
              + " training but billed: give the bucket an AbortIncompleteMultipartUpload"
              + " lifecycle rule");
    }
    int wanted = config.sink().minShardsPerChannel();
    shards.forEach(
        (channel, list) -> {
          if (list.isEmpty()) {
            warnings.add("channel " + channel + " is empty; a training job cannot read it");
          } else if (list.size() < wanted) {
            warnings.add(
                "channel "
                    + channel
                    + " has "
                    + list.size()
                    + " shards, fewer than sink.min-shards-per-channel "
                    + wanted
                    + " (too few records to spread)");
          }
        });
    warnings.forEach(w -> LOG.warn("{}", w));
    return warnings;
  }

  /** A run that cannot complete; the message says why and what to do. */
  public static final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
      super(message);
    }

    /** A failure to reach storage: the message says what, then what the storage answered. */
    public RunFailedException(String message, IOException cause) {
      super(message + ": " + innermostMessage(cause), cause);
    }

    /** The message of the innermost cause: what the storage or the library said. */
    public static String innermostMessage(Throwable e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
  }

  /** What a completed bounded run produced. */
  public record RunResult(
      OutputLayout layout,
      RunCounts counts,
      Map<String, List<ChannelShards.Shard>> shards,
      List<String> warnings) {}
}
