package dev.sluice.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.YamlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/kubernetes as the operator and the cluster will see it: every FlinkDeployment and
 * FlinkSessionJob (the CronJob's run template included) is valid against the operator's own CRD
 * schema, vendored in deploy/kubernetes/crds; the Dockerfile puts the job jar where the manifests
 * look for it; the job's ConfigMap is a valid Sluice configuration.
 *
 * <p>Two things are added to the vendored schema here, both said in crds/README.md: unknown fields
 * are errors, as {@code kubectl apply}'s strict field validation makes them (a CRD schema alone
 * would let a misspelt field through, and the API server would drop it); and {@code v2_3} is among
 * the {@code flinkVersion}s, as in operator 1.15, whose CRD jar is not served here.
 */
class KubernetesManifestsTest {
  private static final Path REPO = Path.of(System.getProperty("sluice.repo.root", ".."));
  private static final Path KUBERNETES = REPO.resolve("deploy/kubernetes");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String USRLIB_JAR = "/opt/flink/usrlib/sluice-flink-job.jar";

  /** One document of a manifest file, named for messages. */
  record Manifest(String where, JsonNode resource) {
    String kind() {
      return resource.path("kind").asText();
    }

    @Override
    public String toString() {
      return where + " " + kind() + " " + resource.path("metadata").path("name").asText();
    }
  }

  static List<Manifest> manifests() throws IOException {
    List<Manifest> manifests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(KUBERNETES)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      try (MappingIterator<JsonNode> documents =
          YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          if (document != null && !document.isNull() && !document.isEmpty()) {
            manifests.add(new Manifest(file.getFileName().toString(), document));
          }
        }
      }
    }
    return manifests;
  }

  /** The Flink resources: every manifest's, and the CronJob's template with a run's name in. */
  static List<Manifest> flinkResources() throws IOException {
    List<Manifest> resources = new ArrayList<>();
    for (Manifest manifest : manifests()) {
      if (manifest.kind().startsWith("Flink")) {
        resources.add(manifest);
      }
      JsonNode template = manifest.resource().path("data").path("run.yaml");
      if (template.isTextual()) {
        resources.add(
            new Manifest(
                manifest.where() + " (run.yaml)",
                YAML.readTree(template.asText().replace("RUN_NAME", "sluice-20261202-020000"))));
      }
    }
    return resources;
  }

  private static JsonSchema schemaOf(String kind, String apiVersion) throws IOException {
    String plural = kind.equals("FlinkDeployment") ? "flinkdeployments" : "flinksessionjobs";
    JsonNode crd =
        YAML.readTree(KUBERNETES.resolve("crds/" + plural + ".flink.apache.org-v1.yml").toFile());
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    assertThat(apiVersion).startsWith(crd.path("spec").path("group").asText() + "/");
    for (JsonNode served : crd.path("spec").path("versions")) {
      if (served.path("name").asText().equals(version)) {
        ObjectNode schema = served.path("schema").path("openAPIV3Schema").deepCopy();
        // apiVersion, kind and metadata are Kubernetes' own and not in the schema; spec is.
        rejectUnknownFields(schema.path("properties").path("spec"));
        JsonNode flinkVersions = schema.path("properties").path("spec").path("properties");
        if (flinkVersions.path("flinkVersion").path("enum") instanceof ArrayNode versions) {
          versions.add("v2_3");
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      }
    }
    throw new AssertionError(kind + ": the vendored CRD serves no version " + version);
  }

  /** What kubectl's strict field validation does: a field the schema does not know is an error. */
  private static void rejectUnknownFields(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties")
          && !object.has("additionalProperties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        object.put("additionalProperties", false);
      }
      object.elements().forEachRemaining(KubernetesManifestsTest::rejectUnknownFields);
    } else if (node instanceof ArrayNode array) {
      array.forEach(KubernetesManifestsTest::rejectUnknownFields);
    }
  }

  private static Set<ValidationMessage> validate(JsonNode resource) throws IOException {
    return schemaOf(resource.path("kind").asText(), resource.path("apiVersion").asText())
        .validate(resource);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flinkResources")
  void everyFlinkResourceIsValidAgainstTheOperatorsSchema(Manifest manifest) throws IOException {
    assertThat(validate(manifest.resource())).as(manifest.toString()).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesAMisspeltFieldAndAFlinkVersionTheOperatorDoesNotKnow()
      throws IOException {
    ObjectNode deployment =
        (ObjectNode)
            flinkResources().stream()
                .filter(m -> m.kind().equals("FlinkDeployment"))
                .findFirst()
                .orElseThrow()
                .resource()
                .deepCopy();
    ((ObjectNode) deployment.path("spec").path("job")).put("upgradeMod", "stateless");
    ((ObjectNode) deployment.path("spec")).put("flinkVersion", "v2_4");

    assertThat(validate(deployment).toString()).contains("upgradeMod").contains("flinkVersion");
  }

  @Test
  void thereIsADeploymentASessionJobAndAScheduledRun() throws IOException {
    assertThat(flinkResources())
        .extracting(Manifest::toString)
        .contains(
            "flinkdeployment.yaml FlinkDeployment sluice",
            "flinksessionjob.yaml FlinkSessionJob sluice-speech",
            "cronjob.yaml (run.yaml) FlinkDeployment sluice-20261202-020000");
    assertThat(manifests()).extracting(Manifest::kind).contains("CronJob", "ConfigMap");
  }

  @Test
  void everyManifestNamesItsKindAndItsName() throws IOException {
    for (Manifest manifest : manifests()) {
      assertThat(manifest.resource().path("apiVersion").asText()).as(manifest.where()).isNotEmpty();
      assertThat(manifest.kind()).as(manifest.where()).isNotEmpty();
      assertThat(manifest.resource().path("metadata").path("name").asText())
          .as(manifest.where())
          .isNotEmpty();
    }
  }

  @Test
  void theDockerfilePutsTheClusterJarWhereEveryDeploymentLooksForIt() throws IOException {
    String dockerfile = Files.readString(KUBERNETES.resolve("Dockerfile"));
    Matcher from =
        Pattern.compile("(?m)^FROM flink:(\\d+)\\.(\\d+)\\.(\\d+)-java17$").matcher(dockerfile);
    assertThat(from.find()).as("FROM flink:X.Y.Z-java17").isTrue();
    Matcher copy =
        Pattern.compile("(?m)^COPY (?:--chown=\\S+ )?(\\S+) (\\S+)$").matcher(dockerfile);
    assertThat(copy.find()).as("COPY of the job jar").isTrue();
    String jarInRepo = copy.group(1);
    String jarInImage = copy.group(2);

    assertThat(jarInImage).isEqualTo(USRLIB_JAR);
    assertThat(jarInRepo).isEqualTo("jobs/target/sluice-flink-job.jar");
    assertThat(Files.readString(REPO.resolve("jobs/pom.xml")))
        .contains("<outputFile>${project.build.directory}/sluice-flink-job.jar</outputFile>");
    String flinkVersion = "v" + from.group(1) + "_" + from.group(2);
    String s3Plugin =
        "flink-s3-fs-hadoop-" + from.group(1) + "." + from.group(2) + "." + from.group(3) + ".jar";
    for (Manifest manifest : flinkResources()) {
      JsonNode spec = manifest.resource().path("spec");
      if (manifest.kind().equals("FlinkDeployment")) {
        assertThat(spec.path("job").path("jarURI").asText())
            .as(manifest.toString())
            .isEqualTo("local://" + jarInImage);
        assertThat(spec.path("flinkVersion").asText())
            .as(manifest.toString())
            .isEqualTo(flinkVersion);
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("stateless");
        assertThat(environment(spec.path("podTemplate")))
            .as(manifest + ": the built-in S3 plugin")
            .containsEntry("ENABLE_BUILT_IN_PLUGINS", s3Plugin);
      }
    }
  }

  @Test
  void theJobReadsItsConfigurationFromTheMountedConfigMapAndItIsValid() throws IOException {
    JsonNode configMap =
        manifests().stream()
            .filter(m -> m.toString().equals("job-config.yaml ConfigMap sluice-job"))
            .findFirst()
            .orElseThrow()
            .resource();
    String jobYaml = configMap.path("data").path("job.yaml").asText();
    JobConfig config = JobConfig.from(YamlConfig.parse(jobYaml, "job-config.yaml"));
    assertThat(config.sink().path()).startsWith("s3://train/speech/");

    for (Manifest manifest : flinkResources()) {
      if (!manifest.kind().equals("FlinkDeployment")) {
        continue;
      }
      JsonNode jobManager = manifest.resource().path("spec").path("jobManager").path("podTemplate");
      JsonNode mount =
          jobManager.path("spec").path("containers").get(0).path("volumeMounts").get(0);
      JsonNode volume = jobManager.path("spec").path("volumes").get(0);
      assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
      assertThat(volume.path("configMap").path("name").asText()).isEqualTo("sluice-job");
      List<String> args = new ArrayList<>();
      manifest.resource().path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
      assertThat(args.subList(0, 2))
          .as(manifest.toString())
          .containsExactly("--config", mount.path("mountPath").asText() + "/job.yaml");
    }
  }

  private static Map<String, String> environment(JsonNode podTemplate) {
    Map<String, String> variables = new java.util.LinkedHashMap<>();
    for (JsonNode container : podTemplate.path("spec").path("containers")) {
      Iterator<JsonNode> env = container.path("env").elements();
      env.forEachRemaining(v -> variables.put(v.path("name").asText(), v.path("value").asText()));
    }
    return variables;
  }
}
