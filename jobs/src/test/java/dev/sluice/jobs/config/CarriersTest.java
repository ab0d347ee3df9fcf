package dev.sluice.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CarriersTest {

  @Test
  void nestedAndDottedYamlFlattenToTheSameKeys() {
    RawConfig nested =
        YamlConfig.parse(
            "source:\n  path: raw/\n  csv:\n    header: false\nsplit:\n  channels: [a, b]\n",
            "nested.yaml");
    RawConfig dotted =
        YamlConfig.parse(
            "source.path: raw/\nsource.csv.header: false\nsplit.channels: a,b\n", "dotted.yaml");

    assertThat(nested.entries().keySet()).containsExactlyElementsOf(dotted.entries().keySet());
    nested
        .entries()
        .forEach(
            (key, entry) -> assertThat(entry.value()).isEqualTo(dotted.entries().get(key).value()));
    assertThat(nested.entries().get("source.path").origin()).isEqualTo("--config nested.yaml");
  }

  @Test
  void badYamlNamesTheFileAndLine() {
    assertThatThrownBy(() -> YamlConfig.parse("source:\n  path: [unclosed\n", "job.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("job.yaml: not valid YAML")
        .hasMessageContaining("line");
  }

  @Test
  void aListIsRefusedForAKeyThatTakesOneValue() {
    assertThatThrownBy(
            () ->
                YamlConfig.parse(
                    "sink:\n  path: [out-a, out-b]\nsplit:\n  channels: [a, b]\n", "job.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("job.yaml: sink.path: expected a string, got a list")
        .hasMessageNotContaining("split.channels");
  }

  @Test
  void aKeyWrittenTwiceInOneFileIsAnError() {
    assertThatThrownBy(() -> YamlConfig.parse("sink:\n  path: a\n  path: b\n", "job.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("job.yaml")
        .hasMessageContaining("path");
    assertThatThrownBy(() -> YamlConfig.parse("sink: {path: a}\nsink.path: b\n", "job.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.path: given twice (nested and dotted names are the same key)");
  }

  @Test
  void aKeyOrConfigGivenTwiceOnTheCommandLineIsAnError() {
    assertThatThrownBy(() -> CommandLine.parse("--split.seed", "1", "--split.seed=2"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--split.seed: given twice (1 and 2); give each key once");
    assertThatThrownBy(() -> CommandLine.parse("--config", "a.yaml", "--config", "b.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--config: given twice");
  }

  @Test
  void relativePathsInAJobFileAreRelativeToItsFolder() {
    RawConfig file =
        YamlConfig.parse(
            "source.path: ../samples/x/\nsink.path: out\nsplit.seed: 3\n", "/jobs/conf/x.yaml");

    RawConfig resolved = ConfigFilePaths.resolveAgainst(file, "/jobs/conf/x.yaml");

    assertThat(resolved.entries().get("source.path").value()).isEqualTo("/jobs/samples/x/");
    assertThat(resolved.entries().get("sink.path").value()).isEqualTo("/jobs/conf/out");
    assertThat(resolved.entries().get("sink.path").origin())
        .isEqualTo("--config /jobs/conf/x.yaml");
    assertThat(resolved.entries().get("split.seed").value()).isEqualTo("3");
  }

  @Test
  void absolutePathsAndUrisInAJobFileStayAsWritten() {
    RawConfig file =
        YamlConfig.parse("source.path: s3://raw/in/\nsink.path: /data/out\n", "/jobs/conf/x.yaml");
    RawConfig resolved = ConfigFilePaths.resolveAgainst(file, "/jobs/conf/x.yaml");
    assertThat(resolved.entries().get("source.path").value()).isEqualTo("s3://raw/in/");
    assertThat(resolved.entries().get("sink.path").value()).isEqualTo("/data/out");

    RawConfig onS3 =
        ConfigFilePaths.resolveAgainst(
            YamlConfig.parse("sink.path: out/\n", "s3://cfg/jobs/x.yaml"), "s3://cfg/jobs/x.yaml");
    assertThat(onS3.entries().get("sink.path").value()).isEqualTo("s3://cfg/jobs/out/");
  }

  @Test
  void commandLineValuesOverrideTheFile() {
    CommandLine line =
        CommandLine.parse("--config", "job.yaml", "--sink.path", "elsewhere", "--split.seed=7");
    RawConfig file = YamlConfig.parse("sink.path: out\nsplit.seed: 1\n", "job.yaml");

    RawConfig merged = file.overriddenBy(line.overrides());

    assertThat(line.configLocation()).contains("job.yaml");
    assertThat(merged.entries().get("sink.path"))
        .isEqualTo(new RawConfig.Entry("elsewhere", "command line"));
    assertThat(merged.entries().get("split.seed").value()).isEqualTo("7");
  }

  @Test
  void aDanglingKeyOnTheCommandLineIsAnError() {
    assertThatThrownBy(() -> CommandLine.parse("--sink.path"))
        .hasMessageContaining("--sink.path: missing value");
    assertThatThrownBy(() -> CommandLine.parse("out"))
        .hasMessageContaining("unexpected argument 'out'");
  }

  @Test
  void helpListsEveryKeyWithItsDefault() {
    String help = HelpText.usage();

    for (ConfigKey key : SluiceKeys.ALL) {
      assertThat(help).contains(key.name());
    }
    assertThat(help).contains("sink.max-shard-bytes  [default: 256mb]");
  }
}
