package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3.secret-key",
        "s3.access-key",
        "fs.s3a.secret.key",
        "fs.s3a.access.key",
        "fs.s3a.session.token",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "db.password",
        "fs.s3a.encryption.key"
      })
  void treatsCredentialKeysAsSecret(String key) {
    assertThat(Secrets.isSecretKey(key)).isTrue();
    assertThat(Secrets.mask(key, "AKIA-value")).isEqualTo(Secrets.MASK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3.endpoint", "s3.region", "s3.path-style-access", "sink.path"})
  void showsOrdinarySettingsAsTheyAre(String key) {
    assertThat(Secrets.isSecretKey(key)).isFalse();
    assertThat(Secrets.mask(key, "value")).isEqualTo("value");
  }

  @Test
  void masksEverySecretInASettingsMapAndKeepsTheOrder() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("s3.endpoint", "http://127.0.0.1:9000");
    settings.put("s3.access-key", "AKIAEXAMPLE");
    settings.put("s3.secret-key", "wJalrXUtnFEMI");

    assertThat(Secrets.maskAll(settings))
        .containsExactly(
            Map.entry("s3.endpoint", "http://127.0.0.1:9000"),
            Map.entry("s3.access-key", Secrets.MASK),
            Map.entry("s3.secret-key", Secrets.MASK));
  }

  @Test
  void redactsSecretValuesInFreeText() {
    String message = "403 for key AKIAEXAMPLE signed with wJalrXUtnFEMI";

    assertThat(Secrets.redact(message, List.of("AKIAEXAMPLE", "wJalrXUtnFEMI")))
        .isEqualTo("403 for key ****** signed with ******")
        .doesNotContain("AKIAEXAMPLE", "wJalrXUtnFEMI");
  }
}
