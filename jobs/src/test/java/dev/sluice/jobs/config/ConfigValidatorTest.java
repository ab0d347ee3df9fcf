package dev.sluice.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

  private static Map<String, String> minimal() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", "data/raw");
    values.put("source.format", "csv");
    values.put("sink.path", "out");
    return values;
  }

  private static Settings validate(Map<String, String> values) {
    return ConfigValidator.validate(RawConfig.of(values, "--config job.yaml"));
  }

  @Test
  void fillsInDefaultsForKeysNotGiven() {
    Settings settings = validate(minimal());

    assertThat(settings.string(SluiceKeys.SPLIT_STRATEGY)).isEqualTo("random");
    assertThat(settings.list(SluiceKeys.SPLIT_CHANNELS))
        .containsExactly("train", "validation", "test");
    assertThat(settings.fractions(SluiceKeys.SPLIT_FRACTIONS)).containsExactly(0.8, 0.1, 0.1);
    assertThat(settings.get(SluiceKeys.SINK_MAX_SHARD_BYTES, Long.class))
        .isEqualTo(256L * 1024 * 1024);
    assertThat(settings.get(SluiceKeys.SPLIT_TIME_GAP, Duration.class)).isEqualTo(Duration.ZERO);
  }

  @Test
  void parsesEveryValueToItsType() {
    Map<String, String> values = minimal();
    values.put("split.time.validation-start", "2024-01-31");
    values.put("split.time.test-start", "2024-03-01T06:00:00+02:00");
    values.put("split.time.gap", "7d");
    values.put("source.csv.delimiter", "\\t");
    values.put("sink.max-shard-records", "1000");

    Settings settings = validate(values);

    assertThat(settings.family(SluiceKeys.SPLIT_TIME_START, Instant.class))
        .containsExactly(
            Map.entry("test", Instant.parse("2024-03-01T04:00:00Z")),
            Map.entry("validation", Instant.parse("2024-01-31T00:00:00Z")));
    assertThat(settings.get(SluiceKeys.SPLIT_TIME_GAP, Duration.class))
        .isEqualTo(Duration.ofDays(7));
    assertThat(settings.get(SluiceKeys.SOURCE_CSV_DELIMITER, Character.class)).isEqualTo('\t');
    assertThat(settings.get(SluiceKeys.SINK_MAX_SHARD_RECORDS, Long.class)).isEqualTo(1000L);
  }

  @Test
  void suggestsTheKeyMeantForAMisspelledOne() {
    Map<String, String> values = minimal();
    values.put("sink.max-shard-byte", "1mb");

    assertThatThrownBy(() -> validate(values))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "unknown key 'sink.max-shard-byte' (--config job.yaml); did you mean"
                + " 'sink.max-shard-bytes'?");
  }

  @Test
  void pointsToHelpForAKeyNothingResembles() {
    Map<String, String> values = minimal();
    values.put("colour", "blue");

    assertThatThrownBy(() -> validate(values))
        .hasMessageContaining("unknown key 'colour' (--config job.yaml); run with --help");
  }

  @Test
  void acceptsMembersOfAKeyFamily() {
    Map<String, String> values = minimal();
    values.put("split.domain.routes.factory", "0,0.5,0.5");

    Settings settings = validate(values);

    assertThat(settings.family(SluiceKeys.SPLIT_DOMAIN_ROUTES, java.util.List.class))
        .containsOnlyKeys("factory");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.format", "parquet");
    values.put("split.fractions", "0.8,abc");
    values.put("sink.min-shards-per-channel", "0");

    assertThatThrownBy(() -> validate(values))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "source.format: expected one of csv, jsonl, avro, libsvm, got 'parquet'"
                            + " (--config job.yaml)",
                        "split.fractions: expected a list of numbers from 0 to 1, such as"
                            + " 0.8,0.1,0.1, got '0.8,abc' (--config job.yaml)",
                        "sink.min-shards-per-channel: expected a whole number of at least 1, got"
                            + " '0' (--config job.yaml)",
                        "source.path: missing; the raw objects to read: one object or a folder"
                            + " (file:///..., s3://bucket/prefix/, or a local path).",
                        "sink.path: missing; the output root. Channels go to <path>/<channel>/,"
                            + " metadata to <path>/_sluice/, rejected rows to <path>/_rejected/."))
        .hasMessageStartingWith("Invalid configuration (5 problems); nothing was read or written:");
  }

  @Test
  void masksSecretsInTheViewTheReportRecords() {
    assertThat(validate(minimal()).maskedView()).doesNotContainKey("s3.secret-key");

    Map<String, String> withSecret = minimal();
    withSecret.put("s3.secret-key", "wJalrXUtnFEMI");
    assertThat(validate(withSecret).maskedView()).containsEntry("s3.secret-key", "******");
    assertThat(validate(withSecret).maskedView().toString()).doesNotContain("wJalrXUtnFEMI");
  }

  @Test
  void acceptsATimeCutOffForEveryChannelName() {
    Map<String, String> values = minimal();
    values.put("split.time.dev-start", "2024-01-31");
    values.put("split.time.holdout-start", "2024-03-01");

    assertThat(validate(values).family(SluiceKeys.SPLIT_TIME_START, Instant.class))
        .containsOnlyKeys("dev", "holdout");
  }

  @Test
  void suggestsTheTimeKeyMeantForAMisspelledOne() {
    Map<String, String> gap = minimal();
    gap.put("split.time.gpa", "7d");
    Map<String, String> start = minimal();
    start.put("split.time.test-strat", "2024-01-31");

    assertThatThrownBy(() -> validate(gap)).hasMessageContaining("did you mean 'split.time.gap'?");
    assertThatThrownBy(() -> validate(start))
        .hasMessageContaining("did you mean 'split.time.<channel>-start'?");
  }
}
