package dev.sluice.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code sink.path} placeholders: fixed once per run, so a scheduled job writes a new folder. */
class RunIdentityTest {
  private static final Clock NOON =
      Clock.fixed(Instant.parse("2026-12-02T15:12:00Z"), ZoneOffset.UTC);

  private static Map<String, String> job(String sinkPath) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", "s3://raw/speech/");
    values.put("source.format", "csv");
    values.put("sink.path", sinkPath);
    return values;
  }

  @Test
  void dateTimeAndRunIdAreResolvedFromTheRunsStart() {
    RunIdentity run = RunIdentity.startingNow(NOON, Optional.of("nightly-42"));

    assertThat(run.resolve("s3://train/speech/{date}/{time}/{run-id}"))
        .isEqualTo("s3://train/speech/2026-12-02/151200/nightly-42");
  }

  @Test
  void withoutAGivenIdTheRunIdIsTheStartTimeAndARandomSuffix() {
    RunIdentity first = RunIdentity.startingNow(NOON, Optional.empty());
    RunIdentity second = RunIdentity.startingNow(NOON, Optional.empty());

    assertThat(first.runId()).matches("20261202T151200Z-[0-9a-f]{6}");
    assertThat(second.runId()).startsWith("20261202T151200Z-");
  }

  @Test
  void theBoundConfigurationHoldsTheResolvedPathAndKeepsTheTemplateAsWritten() {
    Map<String, String> values = job("s3://train/speech/{date}/{run-id}");
    values.put("job.run-id", "nightly-42");

    JobConfig config = JobConfig.from(RawConfig.of(values, "test"), NOON);

    assertThat(config.sink().path()).isEqualTo("s3://train/speech/2026-12-02/nightly-42");
    assertThat(config.job().run()).isEqualTo(new RunIdentity("nightly-42", NOON.instant()));
    assertThat(config.settings().maskedView())
        .containsEntry("sink.path", "s3://train/speech/{date}/{run-id}");
  }

  @Test
  void aPathWithoutPlaceholdersIsUnchanged() {
    JobConfig config = JobConfig.from(RawConfig.of(job("s3://train/speech/"), "test"), NOON);

    assertThat(config.sink().path()).isEqualTo("s3://train/speech/");
  }

  @Test
  void aRunIdThatCannotBePartOfAKeyIsRefused() {
    Map<String, String> values = job("s3://train/{run-id}");
    values.put("job.run-id", "../other run");

    assertThatThrownBy(() -> JobConfig.from(RawConfig.of(values, "test"), NOON))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "job.run-id: expected 1 to 128 letters, digits, '.', '_' or '-' (starting with a"
                + " letter or digit), got '../other run'");
  }

  @Test
  void anUnknownPlaceholderListsTheKnownOnes() {
    assertThatThrownBy(
            () -> JobConfig.from(RawConfig.of(job("s3://train/{today}/{run-id}"), "test"), NOON))
        .hasMessageContaining(
            "sink.path: unknown placeholder {today}; sink.path may hold {date}, {time}, {run-id}");
  }
}
