package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sluice.connectors.fs.S3Settings.Encryption;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  private static final String ACCESS = "AKIAEXAMPLEACCESS";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @Test
  void defaultsToAwsWithTheDefaultCredentialChainAndNoExplicitEncryption() {
    S3Settings defaults = S3Settings.defaults();

    assertThat(defaults.endpoint()).isEmpty();
    assertThat(defaults.pathStyleAccess()).isFalse();
    assertThat(defaults.region()).isEmpty();
    assertThat(defaults.hasExplicitCredentials()).isFalse();
    assertThat(defaults.encryption()).isEqualTo(Encryption.NONE);
    assertThat(S3Settings.fromMap(Map.of())).isEqualTo(defaults);
  }

  @Test
  void readsEveryS3KeyOfTheJobConfiguration() {
    S3Settings settings =
        S3Settings.fromMap(
            Map.of(
                "s3.endpoint", "http://127.0.0.1:9000",
                "s3.path-style-access", "true",
                "s3.region", "eu-west-1",
                "s3.access-key", ACCESS,
                "s3.secret-key", SECRET,
                "s3.sse", "sse-kms",
                "s3.sse-kms-key-id", "alias/sluice",
                "source.path", "s3://raw/in/"));

    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(settings.pathStyleAccess()).isTrue();
    assertThat(settings.region()).contains("eu-west-1");
    assertThat(settings.accessKey()).contains(ACCESS);
    assertThat(settings.secretKey()).contains(SECRET);
    assertThat(settings.encryption()).isEqualTo(Encryption.SSE_KMS);
    assertThat(settings.kmsKeyId()).contains("alias/sluice");
  }

  @Test
  void neverShowsTheKeysInToString() {
    S3Settings settings = S3Settings.builder().credentials(ACCESS, SECRET).build();

    assertThat(settings.toString())
        .doesNotContain(ACCESS, SECRET)
        .contains("s3.access-key=" + Secrets.MASK, "s3.secret-key=" + Secrets.MASK);
  }

  @Test
  void refusesAnAccessKeyWithoutASecretKeyNamingTheMissingKeyButNoValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> S3Settings.fromMap(Map.of("s3.access-key", ACCESS)))
        .withMessageContaining("s3.secret-key is missing")
        .withMessageContaining("default AWS credential chain")
        .withMessageNotContaining(ACCESS);
  }

  @Test
  void refusesASecretKeyWithoutAnAccessKeyWithoutShowingTheSecret() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> S3Settings.fromMap(Map.of("s3.secret-key", SECRET)))
        .withMessageContaining("s3.access-key is missing")
        .withMessageNotContaining(SECRET);
  }

  @Test
  void refusesAnEndpointThatIsNotAnHttpUrl() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> S3Settings.fromMap(Map.of("s3.endpoint", "127.0.0.1:9000")))
        .withMessageContaining("s3.endpoint is '127.0.0.1:9000'")
        .withMessageContaining("http or https URL");
  }

  @Test
  void refusesAnUnknownEncryption() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> S3Settings.fromMap(Map.of("s3.sse", "aes")))
        .withMessage("s3.sse is 'aes'; expected one of none, sse-s3, sse-kms");
  }

  @Test
  void refusesAKmsKeyWithoutSseKms() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> S3Settings.fromMap(Map.of("s3.sse", "sse-s3", "s3.sse-kms-key-id", "alias/k")))
        .withMessageContaining("s3.sse-kms-key-id is set but s3.sse is sse-s3");
  }

  @Test
  void refusesAPathStyleFlagThatIsNotABoolean() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> S3Settings.fromMap(Map.of("s3.path-style-access", "yes")))
        .withMessage("s3.path-style-access is 'yes'; expected true or false");
  }

  @Test
  void listsEveryProblemAtOnceWithoutShowingTheSecret() {
    assertThatExceptionOfType(InvalidS3SettingsException.class)
        .isThrownBy(
            () ->
                S3Settings.fromMap(
                    Map.of(
                        "s3.endpoint", "ftp://nowhere",
                        "s3.region", "EU West",
                        "s3.secret-key", SECRET)))
        .satisfies(
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("s3.endpoint is 'ftp://nowhere'"))
                    .anySatisfy(p -> assertThat(p).startsWith("s3.region is 'EU West'"))
                    .anySatisfy(p -> assertThat(p).startsWith("s3.access-key is missing")))
        .withMessageNotContaining(SECRET);
  }
}
