package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.s3.S3TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command line on S3, as a user meets it: {@code --config s3://…}, {@code inspect s3://…}, and
 * explicit keys that never show up in what Sluice prints, logs or writes, even when a run fails.
 */
class MainS3ITCase {
  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets("raw", "train-data", "config");

  @Order(2)
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final StringWriter log = new StringWriter();
  private WriterAppender capture;

  /** Everything logged while a test runs, DEBUG and up for Sluice and for Hadoop's S3 client. */
  @BeforeEach
  void captureLogs() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    capture =
        WriterAppender.newBuilder()
            .setName("capture")
            .setTarget(log)
            .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").build())
            .build();
    capture.start();
    context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
    context.updateLoggers();
    Configurator.setLevel("dev.sluice", Level.DEBUG);
    Configurator.setLevel("org.apache.hadoop.fs.s3a", Level.DEBUG);
    Configurator.setLevel("org.apache.flink.fs", Level.DEBUG);
  }

  @AfterEach
  void stopCapturing() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender("capture");
    capture.stop();
    Configurator.setLevel("dev.sluice", Level.INFO);
    Configurator.setLevel("org.apache.hadoop.fs.s3a", Level.WARN);
    Configurator.setLevel("org.apache.flink.fs", Level.WARN);
    context.updateLoggers();
  }

  @Test
  void runsAJobFileKeptOnS3AndInspectsItsChannelsThere() throws Exception {
    S3.putObject("config", "jobs/speech.yaml", jobFile("s3://raw/speech/", "s3://train-data/cli"));
    uploadSpeechSample();

    int code = main(withS3("--config", "s3://config/jobs/speech.yaml"));

    assertThat(code).as(err()).isZero();
    assertThat(out()).contains("Channels written under s3://train-data/cli");
    assertThat(S3.listKeys("train-data", "cli/_sluice/")).contains("cli/_sluice/report.json");

    out.reset();
    assertThat(main(withS3("inspect", "s3://train-data/cli/train/", "--summary"))).isZero();
    String trainRecords =
        S3.getObjectAsString("train-data", "cli/_sluice/report.json")
            .replaceAll("(?s).*\"name\" *: *\"train\".*?\"records\" *: *(\\d+).*", "$1");
    assertThat(out()).contains("records: " + trainRecords);

    assertThat(log.toString()).as("the captured log").contains("SluiceRun", "s3a");
    assertNoSecretIn(out(), err(), log.toString());
    assertNoSecretIn(S3.getObjectAsString("train-data", "cli/_sluice/report.json"));
  }

  @Test
  void aRunThatS3RefusesFailsWithAMessageThatHoldsNoKey() throws Exception {
    uploadSpeechSample();
    java.nio.file.Path job = Files.createTempFile("job", ".yaml");
    Files.writeString(job, jobFile("s3://raw/speech/", "s3://train-data/refused"));
    List<String> args = new ArrayList<>(List.of("--config", job.toString()));
    args.addAll(List.of("--s3.endpoint", S3.endpoint().toString()));
    args.addAll(List.of("--s3.path-style-access", "true", "--s3.region", S3.region()));
    args.addAll(List.of("--s3.access-key", "AKIAWRONGWRONGWRONG"));
    args.addAll(List.of("--s3.secret-key", "wrong-secret-that-must-not-leak"));

    assertThat(main(args.toArray(String[]::new))).isEqualTo(1);

    assertThat(err()).contains("Sluice run failed").contains("s3://raw/speech");
    for (String text : List.of(out(), err(), log.toString())) {
      assertThat(text).doesNotContain("wrong-secret-that-must-not-leak", "AKIAWRONGWRONGWRONG");
    }
  }

  @Test
  void anInvalidConfigurationListsItsProblemsWithoutTheKeys() {
    int code =
        main(
            "--source.path", "s3://raw/speech/",
            "--source.format", "jsonl",
            "--sink.path", "s3://train-data/invalid",
            "--s3.secret-key", "lonely-secret-that-must-not-leak",
            "--s3.endpoint", "ftp://nowhere");

    assertThat(code).isEqualTo(2);
    assertThat(err())
        .contains("s3.access-key is missing or blank while s3.secret-key is set")
        .doesNotContain("lonely-secret-that-must-not-leak");
    assertThat(log.toString()).doesNotContain("lonely-secret-that-must-not-leak");
  }

  private static String jobFile(String source, String sink) {
    return String.join(
        "\n",
        "source: {path: '" + source + "', format: jsonl}",
        "schema: {id: utterance_id, group: speaker, label: keyword, features: [mfcc]}",
        "split: {strategy: group, fractions: [0.8, 0.1, 0.1]}",
        "sink: {path: '" + sink + "'}",
        "");
  }

  private static void uploadSpeechSample() throws Exception {
    java.nio.file.Path sample = Scenarios.sample("speech-speakers");
    try (var files = Files.list(sample)) {
      for (java.nio.file.Path file : files.sorted().toList()) {
        S3.putObject("raw", "speech/" + file.getFileName(), Files.readAllBytes(file));
      }
    }
  }

  private static String[] withS3(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--s3.endpoint", S3.endpoint().toString(),
            "--s3.path-style-access", "true",
            "--s3.region", S3.region(),
            "--s3.access-key", S3.accessKey(),
            "--s3.secret-key", S3.secretKey()));
    return all.toArray(String[]::new);
  }

  private static void assertNoSecretIn(String... texts) {
    for (String text : texts) {
      assertThat(text).doesNotContain(S3.secretKey(), S3.accessKey());
    }
  }

  private int main(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
