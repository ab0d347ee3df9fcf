package dev.sluice.jobs;

import static dev.sluice.jobs.config.SluiceKeys.JOB_PARALLELISM;
import static dev.sluice.jobs.config.SluiceKeys.SOURCE_MONITOR_INTERVAL;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import dev.sluice.jobs.config.ApplicationProperties;
import dev.sluice.jobs.config.ConfigException;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.JobFile;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.run.LocalFileSystems;
import dev.sluice.jobs.run.RunResult;
import dev.sluice.jobs.run.SluiceRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of Amazon Managed Service for Apache Flink, the main class of {@code
 * sluice-managed-flink.jar}. With no arguments, as the service starts it, the configuration is the
 * application's runtime property group {@code sluice} (see {@link ApplicationProperties}); {@code
 * --properties FILE} reads the same JSON shape from a local file, for development.
 *
 * <p>The service runs {@code main()} inside the JobManager, so nothing here calls {@code
 * System.exit}: a bad configuration or a failed run is thrown, and fails the application with the
 * message a local run prints. Only Flink options that the service accepts from code are set: the
 * execution environment is the service's own, unchanged (deploy/managed-flink/README.md lists what
 * the job sets).
 *
 * <p>A bounded run that ends leaves the application RUNNING, and billed, until something calls
 * {@code StopApplication}: deploy/managed-flink's stop-when-done function does, once {@code
 * _sluice/report.json} or {@code _sluice/failed-report.json} lands.
 */
public final class ManagedFlinkMain {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedFlinkMain.class);

  private final Supplier<StreamExecutionEnvironment> environments;

  /**
   * @param environments the service's own environment; tests pass their MiniCluster's
   */
  ManagedFlinkMain(Supplier<StreamExecutionEnvironment> environments) {
    this.environments = environments;
  }

  public static void main(String[] args) throws Exception {
    Map<String, Properties> groups = applicationProperties(args);
    new ManagedFlinkMain(StreamExecutionEnvironment::getExecutionEnvironment).run(groups);
  }

  /** The service's runtime properties, or with {@code --properties FILE} a local file's. */
  static Map<String, Properties> applicationProperties(String... args) throws IOException {
    if (args.length == 0) {
      return KinesisAnalyticsRuntime.getApplicationProperties();
    }
    if (args.length == 2 && args[0].equals("--properties")) {
      return KinesisAnalyticsRuntime.getApplicationProperties(args[1]);
    }
    throw new ConfigException(
        List.of(
            "Managed Flink entry point: expected no arguments (the application's runtime"
                + " properties) or --properties FILE (a local file of the same JSON shape), got "
                + Arrays.toString(args)));
  }

  /** Configures and runs; throws if the configuration is bad or the run fails. */
  RunResult run(Map<String, Properties> groups) throws Exception {
    JobConfig config;
    try {
      config = configuration(groups);
    } catch (ConfigException e) {
      LOG.error("{}", e.getMessage());
      throw e;
    }
    RunResult result = new SluiceRun(config, environments, UnaryOperator.identity()).run();
    LOG.info(
        "run {} published; report at {}", config.job().run().runId(), result.layout().report());
    return result;
  }

  /**
   * The group's keys over the YAML file that {@code sluice.config} names, validated as every
   * carrier's, and what the service does not allow a job to set in code refused.
   */
  static JobConfig configuration(Map<String, Properties> groups) {
    ApplicationProperties properties = ApplicationProperties.from(groups);
    RawConfig base = RawConfig.empty();
    if (properties.configLocation().isPresent()) {
      String location = properties.configLocation().get();
      if (location.startsWith("s3")) {
        // Only a development run initializes filesystems; on the service they are the cluster's.
        LocalFileSystems.initialize(JobConfig.s3Settings(properties.overrides()));
      }
      base = JobFile.read(location, ApplicationProperties.CONFIG_KEY);
    }
    RawConfig raw = base.overriddenBy(properties.overrides());
    JobConfig config = JobConfig.from(raw);
    List<String> problems = new ArrayList<>();
    if (config.job().parallelism().isPresent()) {
      problems.add(
          JOB_PARALLELISM.name()
              + ": Managed Flink takes the parallelism from the application's"
              + " ParallelismConfiguration, not from code; remove the key and set Parallelism"
              + " there (the template's Parallelism parameter)");
    }
    if (config.settings().has(SOURCE_MONITOR_INTERVAL)) {
      problems.add(
          SOURCE_MONITOR_INTERVAL.name()
              + ": continuous runs are not offered on Managed Flink yet: their checkpoints belong"
              + " to the application's CheckpointConfiguration, which Managed Flink does not let"
              + " a job set in code; run bounded (remove the key) on a schedule instead");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }
}
