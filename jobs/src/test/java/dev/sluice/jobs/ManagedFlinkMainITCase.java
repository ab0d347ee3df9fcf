package dev.sluice.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.jobs.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Managed Flink entry point run locally, as a developer does: the runtime library reads a
 * properties file of the service's JSON shape, and the run publishes exactly what a {@code
 * --config} run of the same keys publishes.
 */
class ManagedFlinkMainITCase {
  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  private static final List<String> CHANNELS = List.of("train", "validation", "test");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path input;
  @TempDir Path output;
  @TempDir Path dir;

  @BeforeEach
  void writeInput() throws Exception {
    CsvObjects.write(input, 2, 60);
  }

  private Map<String, String> job() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("source.path", input.toUri().toString());
    keys.put("source.format", "csv");
    keys.put("schema.id", "id");
    keys.put("schema.label", "label");
    keys.put("split.strategy", "random");
    keys.put("split.fractions", "0.8,0.1,0.1");
    keys.put("split.seed", "11");
    return keys;
  }

  /** A properties file as Managed Flink writes it: a list of groups of string properties. */
  private Path propertiesFile(Map<String, String> sluiceGroup) throws Exception {
    ArrayNode groups = JSON.createArrayNode();
    ObjectNode flink = groups.addObject();
    flink.put("PropertyGroupId", "FlinkApplicationProperties");
    flink.putObject("PropertyMap").put("unrelated", "ignored");
    ObjectNode sluice = groups.addObject();
    sluice.put("PropertyGroupId", "sluice");
    ObjectNode map = sluice.putObject("PropertyMap");
    sluiceGroup.forEach(map::put);
    Path file = dir.resolve("application_properties.json");
    JSON.writeValue(file.toFile(), groups);
    return file;
  }

  private static ManagedFlinkMain entryPoint() {
    return new ManagedFlinkMain(StreamExecutionEnvironment::getExecutionEnvironment);
  }

  @Test
  void aPropertiesFileRunPublishesWhatTheSameKeysPublishWithConfig() throws Exception {
    Map<String, String> managed = job();
    managed.put("sink.path", output.toUri() + "managed/{date}/{run-id}");
    managed.put("job.run-id", "nightly-7");
    entryPoint()
        .run(
            ManagedFlinkMain.applicationProperties(
                "--properties", propertiesFile(managed).toString()));

    Path yaml = dir.resolve("job.yaml");
    List<String> lines = new ArrayList<>();
    job().forEach((key, value) -> lines.add(key + ": '" + value + "'"));
    lines.add("sink.path: '" + output.toUri() + "config'");
    Files.write(yaml, lines);
    int code =
        Main.run(
            new String[] {"--config", yaml.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();

    List<Path> runs;
    try (var dates = Files.list(output.resolve("managed"))) {
      runs = dates.map(date -> date.resolve("nightly-7")).toList();
    }
    assertThat(runs).hasSize(1);
    ChannelOutput viaProperties = new ChannelOutput(runs.get(0).toUri().toString());
    ChannelOutput viaConfig = new ChannelOutput(output.resolve("config").toUri().toString());
    // Which records each channel holds, not the order parallel writers happened to write them in.
    assertThat(sorted(viaProperties.uidsByChannel(CHANNELS)))
        .isEqualTo(sorted(viaConfig.uidsByChannel(CHANNELS)))
        .allSatisfy((channel, uids) -> assertThat(uids).isNotEmpty());

    JsonNode report = viaProperties.report();
    assertThat(report.path("status").asText()).isEqualTo("complete");
    assertThat(report.path("sink_path").asText()).endsWith("/nightly-7").doesNotContain("{");
    assertThat(report.path("configuration").path("sink.path").asText())
        .endsWith("managed/{date}/{run-id}");
    assertThat(report.path("rows").path("read").asLong()).isEqualTo(120);
  }

  private static Map<String, Set<String>> sorted(Map<String, List<String>> uidsByChannel) {
    Map<String, Set<String>> sorted = new TreeMap<>();
    uidsByChannel.forEach((channel, uids) -> sorted.put(channel, new TreeSet<>(uids)));
    return sorted;
  }

  @Test
  void theGroupsKeysOverrideTheYamlFileThatSluiceConfigNames() throws Exception {
    Path yaml = dir.resolve("base.yaml");
    Files.write(
        yaml,
        List.of(
            "source: {path: '" + input.toUri() + "', format: csv}",
            "schema: {id: id, label: label}",
            "split: {strategy: random, fractions: [0.5, 0.25, 0.25]}",
            "sink: {path: '" + output.toUri() + "from-yaml'}"));
    Map<String, String> group = new LinkedHashMap<>();
    group.put("sluice.config", yaml.toString());
    group.put("sink.path", output.toUri() + "from-group");

    entryPoint()
        .run(
            ManagedFlinkMain.applicationProperties(
                "--properties", propertiesFile(group).toString()));

    assertThat(output.resolve("from-yaml")).doesNotExist();
    JsonNode report = new ChannelOutput(output.resolve("from-group").toUri().toString()).report();
    assertThat(report.path("configuration").path("split.fractions").asText())
        .isEqualTo("0.5,0.25,0.25");
  }

  @Test
  void aMisspeltKeyFailsTheApplicationWithTheUsualMessageAndWritesNothing() throws Exception {
    Map<String, String> group = job();
    group.put("sink.path", output.toUri() + "bad");
    group.put("split.fraction", "0.8,0.2");
    Path file = propertiesFile(group);

    assertThatThrownBy(
            () ->
                entryPoint()
                    .run(ManagedFlinkMain.applicationProperties("--properties", file.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "unknown key 'split.fraction' (runtime property group sluice); did you mean"
                + " 'split.fractions'?")
        .hasMessageContaining("nothing was read or written");
    assertThat(output.resolve("bad")).doesNotExist();
  }

  @Test
  void whatManagedFlinkSetsItselfIsRefusedInTheGroup() throws Exception {
    Map<String, String> group = job();
    group.put("sink.path", output.toUri() + "refused");
    group.put("job.parallelism", "4");
    Path file = propertiesFile(group);

    assertThatThrownBy(
            () ->
                entryPoint()
                    .run(ManagedFlinkMain.applicationProperties("--properties", file.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "job.parallelism: Managed Flink takes the parallelism from the application's"
                + " ParallelismConfiguration");
  }
}
