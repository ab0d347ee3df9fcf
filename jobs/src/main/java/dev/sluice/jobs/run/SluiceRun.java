package dev.sluice.jobs.run;

import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.SluiceKeys;
import dev.sluice.jobs.pipeline.SluiceJob;
import dev.sluice.jobs.publish.EstimatorInputs;
import dev.sluice.jobs.publish.OutputLayout;
import dev.sluice.jobs.publish.PublishSettings;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.audit.ChannelChecks;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
 * Sets a run up and submits it. A bounded run: list the input, check the output location, plan if
 * the split needs it, and submit the dataflow in BATCH mode. A continuous run: the dataflow in
 * STREAMING mode with checkpoints, committing shards at each one, until it is stopped. Either way
 * the job finishes itself: its last step publishes what was committed (see {@code
 * PublisherOperator}), so nothing here has to outlive the submission.
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
   * @param environments the environment the run's one job is built in
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

  /**
   * Runs the job and waits for it: a bounded run returns once the job has published its output (the
   * job's own last step does that, see {@code PublisherOperator}); a continuous run throws when it
   * ends.
   */
  public RunResult run() throws Exception {
    Started started = start();
    try (ProgressLogger progress =
        ProgressLogger.start(started.client(), config.job().progressInterval())) {
      started.client().getJobExecutionResult().get();
    } catch (ExecutionException failed) {
      throw JobFailures.explain(failed);
    }
    if (config.source().continuous()) {
      throw new RunFailedException("the continuous run ended");
    }
    return RunResult.read(started.layout());
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
    // A file at sink.path, or a folder the run may not write, is refused before data moves.
    SinkWritability.check(config.sink().path());
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

    // A split that plans from the data plans inside the job (see PlanningPass).
    Splitter splitter =
        config.split() instanceof UnplannedSpec unplanned ? unplanned.splitter() : null;
    PublishSettings publish = publishSettings(layout, bounded ? inputs : List.of(), startedAt);
    StreamExecutionEnvironment env = environments.get();
    configure(env, bounded);
    jobCustomizer.apply(SluiceJob.forConfig(config, splitter, publish)).addTo(env);
    JobClient client = env.executeAsync(config.job().name());
    return new Started(client, layout);
  }

  /** A submitted run: its client, and where its output goes. */
  public record Started(JobClient client, OutputLayout layout) {}

  /** What the job's publisher needs to know of this run, fixed now. */
  private PublishSettings publishSettings(
      OutputLayout layout, List<InputObjects.InputObject> inputs, Instant startedAt) {
    return new PublishSettings(
        layout.root().toString(),
        config.job().name(),
        new LinkedHashMap<>(config.settings().maskedView()),
        config.split().strategy(),
        config.split().seed(),
        config.split().channels().stream().map(Channel::name).toList(),
        config.source().path(),
        config.source().format().configName(),
        List.copyOf(inputs),
        null,
        List.of(),
        config.sink().maxRejectedFraction(),
        config.sink().minShardsPerChannel(),
        !bounded(),
        startedAt,
        // Empty channels and far-off fractions are judged on a bounded run's whole output only.
        bounded()
            ? ChannelChecks.of(
                config.split(), config.settings().flag(SluiceKeys.SPLIT_ALLOW_EMPTY_CHANNELS))
            : null,
        EstimatorInputs.of(config));
  }

  private boolean bounded() {
    return !config.source().continuous();
  }

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

  /**
   * A run that cannot complete; the message says why and what to do. The client's name for the
   * publisher's verdict and for what fails before the job is submitted.
   */
  public static final class RunFailedException extends dev.sluice.jobs.publish.RunFailedException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
      super(message);
    }

    public RunFailedException(String message, IOException cause) {
      super(message, cause);
    }
  }
}
