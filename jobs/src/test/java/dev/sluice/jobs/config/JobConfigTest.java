package dev.sluice.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks only a combination of keys can tell, each with the message a user reads. */
class JobConfigTest {

  private static Map<String, String> minimal() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", "s3://raw/in/");
    values.put("source.format", "csv");
    values.put("sink.path", "s3://train-data/out");
    return values;
  }

  private static List<String> problems(Map<String, String> values) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> JobConfig.from(RawConfig.of(values, "job.yaml")));
    assertThat(e).as("a configuration error").isNotNull();
    return e.problems();
  }

  @Test
  void aMissingRequiredKeyDoesNotHideTheProblemsOfTheOtherKeys() {
    Map<String, String> values = minimal();
    values.remove("sink.path");
    values.put("split.channels", "train,Test");
    values.put("split.strategy", "group");

    assertThat(problems(values))
        .anySatisfy(p -> assertThat(p).startsWith("sink.path: missing"))
        .anySatisfy(p -> assertThat(p).contains("channel name 'Test' may contain only lowercase"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "schema.group: split.strategy group needs the group column; set it"));
  }

  @Test
  void theOutputMayNotBeTheInput() {
    Map<String, String> values = minimal();
    values.put("sink.path", "s3://raw/in");

    assertThat(problems(values))
        .containsExactly(
            "sink.path: must differ from source.path (s3://raw/in/), or outputs would be read as"
                + " input; choose a folder outside source.path");
  }

  @Test
  void theOutputMayNotLieInsideTheInputNorTheInputInsideTheOutput() {
    Map<String, String> values = minimal();
    values.put("sink.path", "s3a://raw/in/out/");
    assertThat(problems(values))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("sink.path s3a://raw/in/out/ lies inside source.path s3://raw/in/")
        .contains("choose a sink.path outside source.path");

    values.put("sink.path", "s3://raw");
    assertThat(problems(values))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("source.path s3://raw/in/ lies inside sink.path s3://raw");

    // A sibling whose name merely starts the same is apart.
    values.put("sink.path", "s3://raw/input");
    assertThat(JobConfig.from(RawConfig.of(values, "job.yaml")).sink().path())
        .isEqualTo("s3://raw/input");
  }

  @Test
  void localPathsAreComparedAsAbsoluteFolders() {
    Map<String, String> values = minimal();
    values.put("source.path", "data");
    values.put(
        "sink.path", java.nio.file.Path.of("data", "out").toAbsolutePath().toUri().toString());
    assertThat(problems(values))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("lies inside source.path data");
  }

  @Test
  void aContinuousRunNeedsAPositiveMonitorInterval() {
    Map<String, String> values = minimal();
    values.put("source.monitor-interval", "0s");

    assertThat(problems(values))
        .containsExactly(
            "source.monitor-interval: expected a positive duration such as 30s, got 0");
  }

  @Test
  void eachStrategyNamesTheColumnItNeeds() {
    Map<String, String> domain = minimal();
    domain.put("split.strategy", "domain");
    domain.put("split.domain.preset", "clean-train-noisy-eval");
    domain.put("split.domain.inner", "group");

    assertThat(problems(domain))
        .contains(
            "schema.domain: split.strategy domain needs the domain column; set it",
            "schema.group: split.domain.inner group needs the group column; set it");

    Map<String, String> time = minimal();
    time.put("split.strategy", "time");
    assertThat(problems(time))
        .contains("schema.timestamp: split.strategy time needs the event-time column; set it");
  }

  @Test
  void aKeyOfAnotherStrategyIsCalledOut() {
    Map<String, String> values = minimal();
    values.put("schema.group", "speaker");
    values.put("split.strategy", "group");
    values.put("split.time.gap", "7d");

    assertThat(problems(values))
        .containsExactly(
            "split.time.gap: applies to split.strategy time, but split.strategy is group");
  }

  @Test
  void cutOffsMayNameRenamedChannels() {
    Map<String, String> values = minimal();
    values.put("schema.timestamp", "day");
    values.put("split.strategy", "time");
    values.put("split.channels", "train,dev,holdout");
    values.put("split.time.dev-start", "2024-06-01");
    values.put("split.time.holdout-start", "2024-09-01");

    assertThat(JobConfig.from(RawConfig.of(values, "job.yaml")).split().needsPlanningPass())
        .isFalse();

    values.put("split.time.validation-start", "2024-07-01");
    assertThat(problems(values))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "split.time.validation-start: names channel 'validation', which is not in"
                            + " split.channels [train, dev, holdout]"));
  }

  @Test
  void stratifyByNamesALabelColumnOfARandomOrGroupSplit() {
    Map<String, String> values = minimal();
    values.put("schema.label", "label");
    values.put("schema.timestamp", "ts");
    values.put("split.strategy", "time");
    values.put("split.stratify-by", "speaker");

    assertThat(problems(values))
        .contains(
            "split.stratify-by: applies to split.strategy random or group, but split.strategy is"
                + " time; remove split.stratify-by",
            "split.stratify-by: 'speaker' is not a label column; stratify by one of schema.label"
                + " [label]");
  }

  @Test
  void aStratifiedSplitPlansFromTheDataSoAContinuousRunRefusesIt() {
    Map<String, String> values = minimal();
    values.put("schema.label", "label");
    values.put("split.stratify-by", "label");
    assertThat(JobConfig.from(RawConfig.of(values, "job.yaml")).split().needsPlanningPass())
        .isTrue();
    values.put("source.monitor-interval", "30s");

    assertThat(problems(values))
        .anySatisfy(p -> assertThat(p).contains("stratified; remove split.stratify-by"));
  }

  @Test
  void aCrossDomainGroupPolicyNeedsGroupsWithinDomains() {
    Map<String, String> values = minimal();
    values.put("schema.domain", "domain");
    values.put("split.strategy", "domain");
    values.put("split.domain.preset", "clean-train-noisy-eval");
    values.put("split.domain.cross-domain-groups", "evaluation-first");

    assertThat(problems(values))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "split.domain.cross-domain-groups: applies only with split.domain.inner"
                            + " = group"));
  }

  @Test
  void aContinuousRunRefusingAPlannedSplitSaysWhatPlansAndHowToDoWithout() {
    Map<String, String> values = minimal();
    values.put("source.monitor-interval", "30s");
    values.put("schema.group", "speaker");
    values.put("split.strategy", "group");
    values.put("split.group.balanced", "true");

    assertThat(problems(values))
        .containsExactly(
            "source.monitor-interval: a continuous run accepts only splits that need no planning"
                + " pass, but split.strategy group as configured plans from the data (balanced"
                + " groups; set split.group.balanced false); remove source.monitor-interval for a"
                + " bounded run");

    values.put("split.strategy", "time");
    values.remove("split.group.balanced");
    values.remove("schema.group");
    values.put("schema.timestamp", "ts");
    assertThat(problems(values))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .contains(
                        "(time fractions; give split.time.validation-start and"
                            + " split.time.test-start instead)"));
  }

  @Test
  void stratifyByNamesTheStrategiesItAppliesTo() {
    Map<String, String> values = minimal();
    values.put("schema.label", "label");
    values.put("schema.timestamp", "ts");
    values.put("split.strategy", "time");
    values.put("split.stratify-by", "label");

    assertThat(problems(values))
        .contains(
            "split.stratify-by: applies to split.strategy random or group, but split.strategy is"
                + " time; remove split.stratify-by");
  }
}
