package dev.sluice.connectors.fs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks secret settings before they reach a log, a report or an error message.
 *
 * <p>A setting is secret when its key names a credential ({@code secret}, {@code password}, {@code
 * access-key}, {@code session-token}, ...), in any of the spellings Flink and Hadoop use ({@code
 * s3.secret-key}, {@code fs.s3a.secret.key}, {@code s3.access-key}, ...). The mask has a fixed
 * length, so it does not reveal the length of the value either.
 */
public final class Secrets {

  /** What a secret value is replaced with. */
  public static final String MASK = "******";

  // Compared against the key in lower case with '.', '_' and '-' removed, so that
  // "fs.s3a.access.key", "s3.access-key" and "AWS_ACCESS_KEY_ID" all match "accesskey".
  private static final List<String> SECRET_KEY_PARTS =
      List.of(
          "secret",
          "password",
          "passwd",
          "accesskey",
          "sessiontoken",
          "securitytoken",
          "token",
          "credential",
          "privatekey",
          "encryptionkey",
          "sseckey");

  private Secrets() {}

  /** Whether a setting with this key holds a secret. */
  public static boolean isSecretKey(String key) {
    String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[._\\-\\s]", "");
    return SECRET_KEY_PARTS.stream().anyMatch(normalized::contains);
  }

  /** The value as it may be shown: {@link #MASK} for a secret key, else the value itself. */
  public static String mask(String key, String value) {
    return value != null && isSecretKey(key) ? MASK : value;
  }

  /** A copy of the settings, in the same order, with every secret value masked. */
  public static Map<String, String> maskAll(Map<String, String> settings) {
    Map<String, String> masked = new LinkedHashMap<>();
    settings.forEach((key, value) -> masked.put(key, mask(key, value)));
    return masked;
  }

  /**
   * The text with every occurrence of the given secret values replaced by {@link #MASK}: for
   * messages from code that does not know which parts are secret (e.g. a cause's message).
   */
  public static String redact(String text, Collection<String> secretValues) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String secret : secretValues) {
      if (secret != null && !secret.isEmpty()) {
        redacted = redacted.replace(secret, MASK);
      }
    }
    return redacted;
  }
}
