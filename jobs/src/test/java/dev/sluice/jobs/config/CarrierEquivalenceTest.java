package dev.sluice.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * YAML files, command-line arguments and Managed Flink runtime properties carry the same keys in
 * the same text: each test runs on all three, and all three must agree.
 */
class CarrierEquivalenceTest {

  /** A carrier, given dotted keys and their text as a user would write them there. */
  enum Carrier {
    YAML {
      @Override
      RawConfig carry(Map<String, String> values) {
        StringBuilder yaml = new StringBuilder();
        values.forEach((key, value) -> yaml.append(key).append(": '").append(value).append("'\n"));
        return YamlConfig.parse(yaml.toString(), "job.yaml");
      }
    },
    COMMAND_LINE {
      @Override
      RawConfig carry(Map<String, String> values) {
        List<String> args = new ArrayList<>();
        values.forEach(
            (key, value) -> {
              args.add("--" + key);
              args.add(value);
            });
        return CommandLine.parse(args.toArray(String[]::new)).overrides();
      }
    },
    RUNTIME_PROPERTIES {
      @Override
      RawConfig carry(Map<String, String> values) {
        Properties group = new Properties();
        group.putAll(values);
        return ApplicationProperties.from(Map.of(ApplicationProperties.GROUP, group)).overrides();
      }
    };

    abstract RawConfig carry(Map<String, String> values);
  }

  private static Map<String, String> speakerSplit() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", "s3://raw/speech/");
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.group", "speaker");
    values.put("schema.label", "label");
    values.put("split.strategy", "group");
    values.put("split.channels", "train,validation,test");
    values.put("split.fractions", "0.8,0.1,0.1");
    values.put("split.seed", "7");
    values.put("sink.path", "s3://train/speech/{date}/{run-id}");
    values.put("job.run-id", "nightly-42");
    return values;
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void everyCarrierBindsTheSameJob(Carrier carrier) {
    JobConfig config = JobConfig.from(carrier.carry(speakerSplit()));

    assertThat(config.settings().maskedView())
        .isEqualTo(JobConfig.from(Carrier.YAML.carry(speakerSplit())).settings().maskedView());
    assertThat(config.split().strategy()).isEqualTo("group");
    assertThat(config.split().channels()).hasSize(3);
    assertThat(config.settings().fractions(SluiceKeys.SPLIT_FRACTIONS))
        .containsExactly(0.8, 0.1, 0.1);
    assertThat(config.sink().path()).startsWith("s3://train/speech/").endsWith("/nightly-42");
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void aMisspeltKeyIsRefusedWithTheRightOneOnEveryCarrier(Carrier carrier) {
    Map<String, String> values = speakerSplit();
    values.put("split.fraction", "0.8,0.2");

    assertThatThrownBy(() -> JobConfig.from(carrier.carry(values)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'split.fraction'")
        .hasMessageContaining("did you mean 'split.fractions'?");
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void aBadValueNamesTheKeyAndWhatWouldBeRightOnEveryCarrier(Carrier carrier) {
    Map<String, String> values = speakerSplit();
    values.put("split.fractions", "0.8,0.1,0.2");
    values.put("sink.max-shard-bytes", "lots");

    assertThatThrownBy(() -> JobConfig.from(carrier.carry(values)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("split.fractions")
        .hasMessageContaining("sink.max-shard-bytes");
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void anUnknownSinkPathPlaceholderIsRefusedOnEveryCarrier(Carrier carrier) {
    Map<String, String> values = speakerSplit();
    values.put("sink.path", "s3://train/speech/{day}/");

    assertThatThrownBy(() -> JobConfig.from(carrier.carry(values)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "sink.path: unknown placeholder {day}; sink.path may hold {date}, {time}, {run-id}");
  }
}
