package dev.sluice.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Managed Flink's runtime properties as Sluice reads them, within the service's limits. */
class ApplicationPropertiesTest {

  private static Properties group(Map<String, String> values) {
    Properties group = new Properties();
    group.putAll(values);
    return group;
  }

  @Test
  void theSluiceGroupCarriesTheKeysAndNamesItsOriginInMessages() {
    ApplicationProperties properties =
        ApplicationProperties.from(
            Map.of(
                "sluice", group(Map.of("split.fractions", "0.8,0.1,0.1")),
                "other", group(Map.of("anything", "x"))));

    assertThat(properties.configLocation()).isEmpty();
    assertThat(properties.overrides().entries())
        .containsOnlyKeys("split.fractions")
        .containsEntry(
            "split.fractions", new RawConfig.Entry("0.8,0.1,0.1", "runtime property group sluice"));
  }

  @Test
  void sluiceConfigNamesAYamlFileAndIsNotAJobKey() {
    ApplicationProperties properties =
        ApplicationProperties.from(
            Map.of(
                "sluice",
                group(Map.of("sluice.config", " s3://jobs/speech.yaml ", "split.seed", "7"))));

    assertThat(properties.configLocation()).contains("s3://jobs/speech.yaml");
    assertThat(properties.overrides().entries()).containsOnlyKeys("split.seed");
  }

  @Test
  void aMissingGroupSaysWhichGroupsThereAreAndWhatToName() {
    assertThatThrownBy(
            () -> ApplicationProperties.from(Map.of("FlinkApplicationProperties", group(Map.of()))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "no property group 'sluice' (groups present: FlinkApplicationProperties)")
        .hasMessageContaining("into a group named 'sluice'");
  }

  @Test
  void moreThanFiftyKeysInAGroupAreRefusedPointingAtTheYamlFile() {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      keys.put("split.time.c" + i + "-start", "2024-01-01");
    }

    assertThatThrownBy(() -> ApplicationProperties.from(Map.of("sluice", group(keys))))
        .hasMessageContaining(
            "runtime property group sluice: 51 keys, more than the 50 Managed Flink allows in one"
                + " group; move keys into the YAML file that sluice.config names");
  }

  @Test
  void moreThanFiftyGroupsAreRefused() {
    Map<String, Properties> groups = new LinkedHashMap<>();
    groups.put("sluice", group(Map.of("split.seed", "1")));
    for (int i = 0; i < 50; i++) {
      groups.put("g" + i, group(Map.of("k", "v")));
    }

    assertThatThrownBy(() -> ApplicationProperties.from(groups))
        .hasMessageContaining("51 property groups, more than the 50 Managed Flink allows");
  }

  @Test
  void emptyAndOverlongValuesAreRefusedWithTheKeyAndTheLimit() {
    assertThatThrownBy(
            () ->
                ApplicationProperties.from(
                    Map.of(
                        "sluice",
                        group(Map.of("schema.features", "f".repeat(2049), "schema.label", "")))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "runtime property group sluice: schema.features: the value has 2049 characters;"
                + " values have 1 to 2048; put long values into the YAML file that sluice.config"
                + " names")
        .hasMessageContaining(
            "runtime property group sluice: schema.label: the value has 0 characters; values have"
                + " 1 to 2048; leave the key out for its default");
  }

  @Test
  void anOverlongKeyIsRefused() {
    assertThatThrownBy(
            () ->
                ApplicationProperties.from(Map.of("sluice", group(Map.of("k".repeat(2049), "v")))))
        .hasMessageContaining("has 2049 characters; keys have 1 to 2048");
  }
}
