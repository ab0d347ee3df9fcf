package dev.sluice.jobs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.testing.s3.S3TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the S3 ITCases share: the job's settings for the test server, uploads, and the checks. */
final class S3Output {
  static final String RAW = "raw";
  static final String TRAIN_DATA = "train-data";
  static final List<String> CHANNELS = List.of("train", "validation", "test");

  private S3Output() {}

  /** The job's s3.* keys for the test server. */
  static Map<String, String> settings(S3TestServer s3) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("s3.endpoint", s3.endpoint().toString());
    settings.put("s3.path-style-access", "true");
    settings.put("s3.region", s3.region());
    settings.put("s3.access-key", s3.accessKey());
    settings.put("s3.secret-key", s3.secretKey());
    return settings;
  }

  /** The same keys as command-line arguments. */
  static List<String> arguments(S3TestServer s3) {
    List<String> arguments = new ArrayList<>();
    settings(s3)
        .forEach(
            (key, value) -> {
              arguments.add("--" + key);
              arguments.add(value);
            });
    return arguments;
  }

  /** Uploads every file under {@code folder} to {@code bucket/prefix/<relative path>}. */
  static void upload(S3TestServer s3, Path folder, String bucket, String prefix) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        s3.putObject(bucket, prefix + "/" + relative, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks what a training job would meet under each channel prefix, listed with an independent S3
   * client: exactly the shards its manifest names, nothing else; and no upload left open.
   */
  static void assertChannelsHoldExactlyTheirManifests(S3TestServer s3, String root)
      throws IOException {
    ChannelOutput out = new ChannelOutput("s3://" + TRAIN_DATA + "/" + root);
    for (String channel : CHANNELS) {
      String prefix = root + "/" + channel + "/";
      JsonNode manifest = out.manifest(channel);
      assertThat(manifest.get(0).get("prefix").asText())
          .isEqualTo("s3://" + TRAIN_DATA + "/" + prefix);
      List<String> listed = new ArrayList<>();
      for (int i = 1; i < manifest.size(); i++) {
        listed.add(prefix + manifest.get(i).asText());
      }
      assertThat(s3.listKeys(TRAIN_DATA, prefix))
          .as("objects under s3://%s/%s", TRAIN_DATA, prefix)
          .isNotEmpty()
          .allSatisfy(key -> assertThat(key).matches(".*/part-[^/]*\\.rec"))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
    assertThat(s3.listKeys(TRAIN_DATA, root + "/"))
        .allSatisfy(
            key ->
                assertThat(key.substring(root.length() + 1))
                    .matches("(train|validation|test)/.*\\.rec|_sluice/.*|_rejected/.*"));
    assertThat(s3.openMultipartUploads(TRAIN_DATA))
        .as("open multipart uploads")
        .noneMatch(key -> key.startsWith(root + "/"));
  }
}
