package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run stopped with SIGTERM, as a user or a scheduler stops it: the real {@code Main} in its
 * own JVM, a continuous run (which never ends by itself, so the signal always arrives mid-run),
 * stopped once it has said what it reads.
 */
class InterruptedRunITCase {

  @TempDir Path dir;

  @Test
  void sigtermMidRunSaysTheRunWasInterruptedThatNothingWasPublishedAndWhatToDo() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.writeString(raw.resolve("a.csv"), "y,x\n1,2\n0,3\n");
    Path out = dir.resolve("out");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            // The jar's own logging, so the run's INFO lines reach stderr as a user sees them.
            "-Dlog4j2.configurationFile=" + Path.of(Main.class.getResource("/log4j2.xml").toURI()),
            Main.class.getName(),
            "--source.path",
            raw.toString(),
            "--source.format",
            "csv",
            "--schema.label",
            "y",
            "--source.monitor-interval",
            "1s",
            "--sink.path",
            out.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // Only a bound against a hung child, never the verdict: SIGKILL runs no shutdown hook, so a
    // run killed here prints no notice and the test fails.
    java.util.concurrent.CompletableFuture.delayedExecutor(5, TimeUnit.MINUTES)
        .execute(process::destroyForcibly);
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean signalled = false;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        // The notice is installed before the run lists its input; stop it once it has.
        if (!signalled && line.contains("reading 1 objects")) {
          // SIGTERM through the handle: Process.destroy() would also close the output read here.
          process.toHandle().destroy();
          signalled = true;
        }
      }
    } finally {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    }

    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("Sluice run interrupted")
                    .contains("no manifest or report was published")
                    .contains("give it an empty sink.path"));
    assertThat(out.resolve("_sluice/report.json")).doesNotExist();
  }
}
