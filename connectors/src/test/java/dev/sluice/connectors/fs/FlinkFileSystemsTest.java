package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.fs.S3Settings.Encryption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkFileSystemsTest {

  @Test
  void passesAnS3CompatibleStoreWithExplicitKeysToFlinksS3Keys() {
    S3Settings settings =
        S3Settings.builder()
            .endpoint("http://127.0.0.1:9000")
            .pathStyleAccess(true)
            .region("eu-west-1")
            .credentials("access", "secret")
            .build();

    assertThat(FlinkFileSystems.toFlinkConfiguration(settings).toMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "s3.endpoint", "http://127.0.0.1:9000",
                "s3.path.style.access", "true",
                "fs.s3a.endpoint.region", "eu-west-1",
                "s3.access-key", "access",
                "s3.secret-key", "secret"));
  }

  @Test
  void namesTheDefaultAwsCredentialChainWhenNoKeysAreGiven() {
    assertThat(FlinkFileSystems.toFlinkConfiguration(S3Settings.defaults()).toMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "s3.path.style.access",
                "false",
                "fs.s3a.aws.credentials.provider",
                "com.amazonaws.auth.DefaultAWSCredentialsProviderChain"));
  }

  @Test
  void asksForSseS3AsHadoopSpellsIt() {
    S3Settings settings = S3Settings.builder().encryption(Encryption.SSE_S3).build();

    assertThat(FlinkFileSystems.toFlinkConfiguration(settings).toMap())
        .containsEntry("fs.s3a.encryption.algorithm", "AES256")
        .doesNotContainKey("fs.s3a.encryption.key");
  }

  @Test
  void asksForSseKmsWithTheGivenKey() {
    S3Settings settings =
        S3Settings.builder().encryption(Encryption.SSE_KMS).kmsKeyId("alias/sluice").build();

    assertThat(FlinkFileSystems.toFlinkConfiguration(settings).toMap())
        .containsEntry("fs.s3a.encryption.algorithm", "SSE-KMS")
        .containsEntry("fs.s3a.encryption.key", "alias/sluice");
  }

  @Test
  void usesTheClasspathWhenThereIsNoPluginsFolder(@TempDir Path dir) {
    assertThat(FlinkFileSystems.holdsAPlugin(dir.resolve("plugins"))).isFalse();
  }

  @Test
  void usesTheClasspathWhenThePluginsFolderIsEmpty(@TempDir Path dir) throws Exception {
    assertThat(FlinkFileSystems.holdsAPlugin(Files.createDirectory(dir.resolve("plugins"))))
        .isFalse();
  }

  @Test
  void loadsPluginsWhenThePluginsFolderHoldsOne(@TempDir Path dir) throws Exception {
    Path plugin = Files.createDirectories(dir.resolve("plugins").resolve("s3-fs-hadoop"));

    assertThat(FlinkFileSystems.holdsAPlugin(plugin.getParent())).isTrue();
  }
}
