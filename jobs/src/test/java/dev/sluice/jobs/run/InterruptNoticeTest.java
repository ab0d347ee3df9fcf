package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A run stopped from outside says so, says nothing was published, and how to run again. */
class InterruptNoticeTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

  @Test
  void aBoundedRunStoppedBeforeItFinishedSaysNothingWasPublishedAndHowToRunAgain() {
    InterruptNotice notice = InterruptNotice.install("file:/out/run-1", false, stream);
    try {
      notice.hook().run(); // what the JVM runs on SIGTERM
    } finally {
      notice.close();
    }

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Sluice run interrupted before it finished")
        .contains("nothing was published under file:/out/run-1")
        .contains("--sink.overwrite true");
  }

  @Test
  void aContinuousRunSaysWhatStaysAndThatNoManifestWasPublished() {
    assertThat(InterruptNotice.message("s3://b/out", true))
        .contains("Sluice run interrupted")
        .contains("Shards committed at checkpoints stay under s3://b/out")
        .contains("no manifest or report was published");
  }

  @Test
  void aRunThatEndedByItselfSaysNothingAtShutdown() {
    InterruptNotice notice = InterruptNotice.install("file:/out/run-1", false, stream);
    notice.close();

    notice.hook().run();

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
