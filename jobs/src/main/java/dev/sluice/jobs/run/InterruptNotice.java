package dev.sluice.jobs.run;

import java.io.PrintStream;

/**
 * What a local run says when it is stopped from outside (SIGTERM, Ctrl-C) before it finished: that
 * it was interrupted, that nothing was published, and how to run again. Installed as a shutdown
 * hook for the time the run goes on; closing it (the run ended by itself) removes it.
 */
public final class InterruptNotice implements AutoCloseable {

  private final Thread hook;
  private volatile boolean finished;

  private InterruptNotice(String message, PrintStream err) {
    this.hook =
        new Thread(
            () -> {
              if (!finished) {
                err.println(message);
                err.flush();
              }
            },
            "sluice-interrupt-notice");
  }

  /** Installs the notice for a run writing to {@code sinkPath}. */
  public static InterruptNotice install(String sinkPath, boolean continuous, PrintStream err) {
    InterruptNotice notice = new InterruptNotice(message(sinkPath, continuous), err);
    Runtime.getRuntime().addShutdownHook(notice.hook);
    return notice;
  }

  /** The notice for a run writing to {@code sinkPath}. */
  static String message(String sinkPath, boolean continuous) {
    if (continuous) {
      return "Sluice run interrupted: the continuous run stopped. Shards committed at checkpoints"
          + " stay under "
          + sinkPath
          + ", but no manifest or report was published; a new run reads every object again, so"
          + " give it an empty sink.path.";
    }
    return "Sluice run interrupted before it finished: nothing was published under "
        + sinkPath
        + " (no manifests, no _sluice/report.json; partial shards are not part of any output)."
        + " To run again, repeat the command with --sink.overwrite true, which replaces the"
        + " partial output.";
  }

  /** The hook itself, for tests: what the JVM runs on SIGTERM. */
  Thread hook() {
    return hook;
  }

  /** The run ended by itself: no notice. */
  @Override
  public void close() {
    finished = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the finished flag keeps the hook quiet.
    }
  }
}
