package dev.sluice.jobs;

import dev.sluice.connectors.fs.S3Settings;
import dev.sluice.connectors.fs.Secrets;
import dev.sluice.connectors.inspect.Inspect;
import dev.sluice.jobs.config.CommandLine;
import dev.sluice.jobs.config.ConfigException;
import dev.sluice.jobs.config.ConfigFilePaths;
import dev.sluice.jobs.config.HelpText;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import dev.sluice.jobs.config.YamlConfig;
import dev.sluice.jobs.run.InterruptNotice;
import dev.sluice.jobs.run.LocalFileSystems;
import dev.sluice.jobs.run.RunResult;
import dev.sluice.jobs.run.SluiceRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The entry point of every way Sluice starts: {@code java -jar sluice.jar}, {@code flink run
 * sluice-flink-job.jar}, and Managed Service for Apache Flink.
 *
 * <pre>
 * sluice                                 the bundled demand-forecast sample, locally
 * sluice --config job.yaml [--key value] a configured run
 * sluice inspect PATH [--limit N] [--summary] [--s3.KEY VALUE …]
 * sluice --help
 * </pre>
 *
 * Exit codes (local runs): 0 success, 1 the run failed, 2 the configuration is invalid (nothing was
 * read). On a cluster nothing exits: the program fails with the same message instead.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (LocalFileSystems.submittedThroughFlinksClient()) {
      onCluster(args);
      return;
    }
    int code = run(args, System.out, System.err, true);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * On a cluster ({@code flink run}, REST, application mode, Managed Flink) the JVM is Flink's:
   * nothing may end it. A run that cannot start fails the program instead, with the message a local
   * run prints before its exit code, so every carrier shows a failed application and says why. A
   * submitted run finishes itself; the client waits for it only when Flink's client is attached.
   */
  static void onCluster(String[] args) {
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    PrintStream err =
        new PrintStream(new TeeStream(System.err, said), true, StandardCharsets.UTF_8);
    boolean attached =
        StreamExecutionEnvironment.getExecutionEnvironment()
            .getConfiguration()
            .get(DeploymentOptions.ATTACHED);
    int code = run(args, System.out, err, attached);
    if (code != 0) {
      throw new SluiceFailedException(code, said.toString(StandardCharsets.UTF_8).strip());
    }
  }

  /** What a run on a cluster throws where a local run would exit with {@link #exitCode}. */
  public static final class SluiceFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    SluiceFailedException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    /** 1: the run failed; 2: the configuration is invalid. */
    public int exitCode() {
      return exitCode;
    }
  }

  /** Writes to the console and keeps a copy of what was said. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, true);
  }

  /**
   * @param waitForTheJob whether to wait for a bounded run and print its summary; without it the
   *     run is submitted and finishes itself
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean waitForTheJob) {
    if (args.length > 0 && args[0].equals("inspect")) {
      return inspect(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    JobConfig config;
    try {
      CommandLine line = CommandLine.parse(args);
      if (line.help()) {
        out.print(HelpText.usage());
        return 0;
      }
      if (line.configLocation().filter(location -> location.startsWith("s3")).isPresent()) {
        // The command line's s3.* keys reach a --config file on S3; the file's own apply to the
        // run, whose problems are all reported together once the file is read.
        LocalFileSystems.initialize(JobConfig.s3Settings(line.overrides()));
      }
      config = JobConfig.from(base(line).overriddenBy(line.overrides()));
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.println("Run with --help for every key, its default and its meaning.");
      return ConfigException.EXIT_CODE;
    }
    Collection<String> secrets = secretValues(config.s3());
    try {
      if (!waitForTheJob) {
        SluiceRun.Started started = new SluiceRun(config).start();
        out.println(
            "Submitted job "
                + started.client().getJobID()
                + "; it publishes its channels and "
                + started.layout().report()
                + " when it finishes");
        return 0;
      }
      RunResult result;
      // Only a local run's JVM holds the job: stopping it stops the run before it publishes.
      try (InterruptNotice notice =
          LocalFileSystems.submittedThroughFlinksClient()
              ? null
              : InterruptNotice.install(config.sink().path(), config.source().continuous(), err)) {
        result = new SluiceRun(config).run();
      }
      out.println("Channels written under " + result.layout().root());
      for (RunResult.Channel channel : result.channels()) {
        out.printf(
            "  %-12s %,d records in %d shards%n",
            channel.name(), channel.records(), channel.shards());
      }
      out.println("Report: " + result.layout().report());
      out.println(
          "Inspect: java -jar sluice.jar inspect " + result.layout().root() + "/train --summary");
      return 0;
    } catch (ConfigException e) {
      err.println(Secrets.redact(e.getMessage(), secrets));
      return ConfigException.EXIT_CODE;
    } catch (SluiceRun.RunFailedException e) {
      err.println("Sluice run failed: " + Secrets.redact(e.getMessage(), secrets));
      return 1;
    } catch (Exception e) {
      err.println(
          "Sluice run failed: "
              + Secrets.redact(SluiceRun.RunFailedException.innermostMessage(e), secrets));
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(Secrets.redact(trace.toString(), secrets));
      return 1;
    }
  }

  /**
   * {@code inspect PATH [--limit N] [--summary] [--s3.KEY VALUE …]}: the {@code s3.*} keys, the
   * job's own, say how to reach an S3-compatible store; the rest is the inspect command's.
   */
  private static int inspect(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>();
    List<String> s3 = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--s3.")) {
        s3.add(args[i]);
        if (!args[i].contains("=") && i + 1 < args.length) {
          s3.add(args[++i]);
        }
      } else {
        rest.add(args[i]);
      }
    }
    try {
      LocalFileSystems.initialize(
          JobConfig.s3Settings(CommandLine.parse(s3.toArray(String[]::new)).overrides()));
    } catch (ConfigException e) {
      err.println("inspect: " + e.getMessage());
      return ConfigException.EXIT_CODE;
    }
    return Inspect.run(rest.toArray(String[]::new), out, err);
  }

  /** The values no message may show: the explicit S3 keys. */
  private static Collection<String> secretValues(S3Settings s3) {
    List<String> secrets = new ArrayList<>();
    s3.accessKey().ifPresent(secrets::add);
    s3.secretKey().ifPresent(secrets::add);
    return secrets;
  }

  /**
   * The configuration the command line builds on: the {@code --config} file; with no file and no
   * {@code source.path}, the embedded default; otherwise nothing.
   */
  private static RawConfig base(CommandLine line) {
    if (line.configLocation().isPresent()) {
      String location = line.configLocation().get();
      return ConfigFilePaths.resolveAgainst(YamlConfig.parse(read(location), location), location);
    }
    if (!line.overrides().contains("source.path")) {
      return EmbeddedDefault.load();
    }
    return RawConfig.empty();
  }

  /** Reads a job file through Flink's filesystems, so {@code --config s3://…} works too. */
  private static String read(String location) {
    try {
      Path path = new Path(location);
      try (InputStream in = path.getFileSystem().open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ConfigException(
          List.of("--config " + location + ": cannot be read (" + e.getMessage() + ")"));
    }
  }
}
