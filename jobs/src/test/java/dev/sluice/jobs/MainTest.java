package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.config.HelpText;
import dev.sluice.jobs.config.SluiceKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes and messages, before any data moves. */
class MainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryKeyAndExitsZero() {
    assertThat(main("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(HelpText.usage());
  }

  @Test
  void aBadConfigurationExitsTwoNamingEveryWrongKey() throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(
        job,
        "source: {path: raw/, format: csv}\n"
            + "sink: {path: out/, max-shard-byte: 1mb}\n"
            + "split: {strategy: time, fractions: [0.8, 0.1, 0.2]}\n");

    assertThat(main("--config", job.toString())).isEqualTo(2);

    assertThat(err())
        .contains(
            "unknown key 'sink.max-shard-byte' (--config "
                + job
                + "); did you mean 'sink.max-shard-bytes'?")
        .contains("split.fractions")
        .contains("schema.timestamp: split.strategy time needs the event-time column")
        .contains("nothing was read or written");
  }

  @Test
  void commandLineValuesOverrideTheFileAndAreValidatedToo() throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "source: {path: raw/, format: csv}\nsink: {path: out/}\n");

    assertThat(main("--config", job.toString(), "--split.channels", "train,Valid ation"))
        .isEqualTo(2);

    assertThat(err()).contains("split.channels").contains("Valid ation");
  }

  @Test
  void aContinuousRunRefusesASplitThatPlansFromTheData() {
    assertThat(
            main(
                "--source.path", dir.toString(),
                "--source.format", "csv",
                "--source.monitor-interval", "30s",
                "--schema.timestamp", "date",
                "--split.strategy", "time",
                "--sink.path", dir.resolve("out").toString()))
        .isEqualTo(2);

    assertThat(err())
        .contains(
            "source.monitor-interval: a continuous run accepts only splits that need no planning pass")
        .contains("give split.time.validation-start and split.time.test-start instead");
  }

  @Test
  void aMissingConfigFileIsAConfigurationError() {
    assertThat(main("--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err()).contains("nope.yaml: cannot be read");
  }

  @Test
  void secretsNeverAppearInErrorMessages() {
    assertThat(
            main(
                "--source.path",
                dir.toString(),
                "--source.format",
                "parquet",
                "--s3.secret-key",
                "wJalrXUtnFEMI/K7MDENG",
                "--sink.path",
                dir.resolve("out").toString()))
        .isEqualTo(2);

    assertThat(err())
        .doesNotContain("wJalrXUtnFEMI")
        .contains("source.format: expected one of csv, jsonl, avro, libsvm, got 'parquet'")
        .contains("s3.access-key is missing or blank while s3.secret-key is set");
  }

  @Test
  void aKeyGivenTwiceOnTheCommandLineExitsTwo() {
    assertThat(
            main(
                "--source.path",
                "raw/",
                "--source.format",
                "csv",
                "--sink.path",
                "a/",
                "--sink.path",
                "b/"))
        .isEqualTo(2);
    assertThat(err()).contains("--sink.path: given twice (a/ and b/); give each key once");
  }

  @Test
  void aKeyGivenTwiceInTheJobFileExitsTwo() throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "source: {path: raw/, format: csv}\nsink: {path: a/}\nsink.path: b/\n");

    assertThat(main("--config", job.toString())).isEqualTo(2);
    assertThat(err()).contains("sink.path: given twice");
  }

  @Test
  void aSinkPathThatIsAFileIsRefusedBeforeTheJobStarts() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.writeString(raw.resolve("a.csv"), "y,x\n1,2\n");
    Path file = Files.writeString(dir.resolve("out"), "not a folder");

    int code =
        main(
            "--source.path",
            raw.toString(),
            "--source.format",
            "csv",
            "--sink.path",
            file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("sink.path " + file + " is a file; it must be a folder");
  }

  @Test
  void aSinkInsideTheSourceIsRefused() {
    assertThat(
            main(
                "--source.path",
                dir.toString(),
                "--source.format",
                "csv",
                "--sink.path",
                dir.resolve("out").toString()))
        .isEqualTo(2);
    assertThat(err()).contains("lies inside source.path");
  }

  @Test
  void theDemoAndConfDemandForecastWriteToDifferentFolders() throws Exception {
    Path conf =
        Path.of(System.getProperty("sluice.repo.root", "..")).resolve(EmbeddedDefault.CONFIG);
    var file =
        dev.sluice.jobs.config.ConfigFilePaths.resolveAgainst(
            dev.sluice.jobs.config.YamlConfig.parse(Files.readString(conf), conf.toString()),
            conf.toString());
    String confSink = file.entries().get("sink.path").value();

    assertThat(Path.of(confSink).toAbsolutePath().normalize())
        .isNotEqualTo(Path.of(EmbeddedDefault.OUTPUT).toAbsolutePath().normalize());
    // Run from the repository's root as the README does, the file reads the bundled sample.
    assertThat(file.entries().get("source.path").value())
        .isEqualTo(
            conf.toAbsolutePath().getParent().getParent().normalize()
                + "/samples/demand-forecast/");
  }

  @Test
  void theReadmeDocumentsEveryKeyAsHelpDoes() throws Exception {
    Path readme = Path.of(System.getProperty("sluice.repo.root", "..")).resolve("README.md");
    String text = Files.readString(readme);

    assertThat(text).contains(HelpText.markdownTable());
    for (var key : SluiceKeys.ALL) {
      assertThat(text).contains("`" + key.name() + "`");
    }
  }
}
