package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the data can tell about a configuration: the planning pass reads the input before
 * anything is written, so a domain value without a route is a configuration error there (exit 2,
 * the key to add named), not a failed run.
 */
class MainPlanningITCase {
  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  @Test
  void aDomainValueWithoutARouteFoundByThePlanningPassIsAConfigurationError() throws Exception {
    Files.write(
        input.resolve("speech.csv"),
        List.of(
            "id,speaker,domain,x",
            "a,s1,clean,1.0",
            "b,s2,noisy,2.0",
            "c,s3,studio,3.0",
            "d,s1,clean,4.0"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.run(
            new String[] {
              "--source.path", input.toUri().toString(),
              "--source.format", "csv",
              "--schema.id", "id",
              "--schema.group", "speaker",
              "--schema.domain", "domain",
              "--split.strategy", "domain",
              "--split.domain.preset", "clean-train-noisy-eval",
              "--split.domain.inner", "group",
              "--sink.path", output.resolve("out").toUri().toString()
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("found by the planning pass in the input; nothing was written")
        .contains("split.domain.routes.studio: domain value 'studio' occurs in the data but has no")
        .doesNotContain("\tat ");
    assertThat(output.resolve("out")).doesNotExist();
  }
}
