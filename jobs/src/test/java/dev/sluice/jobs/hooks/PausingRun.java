package dev.sluice.jobs.hooks;

import dev.sluice.jobs.config.CommandLine;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.YamlConfig;
import dev.sluice.jobs.run.SluiceRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Sluice run submitted with {@code flink run -C <hooks jar> -c} this class: {@code PAUSE_FOLDER
 * AFTER_ROWS --config job.yaml [--key value …]}. The job is Sluice's own, with {@link PauseOnce}
 * between source and router; everything else (configuration, set-up, submission) is {@link
 * SluiceRun}'s. It only submits: the run finishes itself on the cluster.
 */
public final class PausingRun {
  private PausingRun() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int after = Integer.parseInt(args[1]);
    CommandLine line = CommandLine.parse(Arrays.copyOfRange(args, 2, args.length));
    String location = line.configLocation().orElseThrow();
    JobConfig config =
        JobConfig.from(
            YamlConfig.parse(Files.readString(Path.of(location)), location)
                .overriddenBy(line.overrides()));
    PauseOnce pause = new PauseOnce(folder, after);
    new SluiceRun(
            config,
            StreamExecutionEnvironment::getExecutionEnvironment,
            job -> job.withStepAfterSource(rows -> rows.map(pause).name("pause once")))
        .start();
  }
}
