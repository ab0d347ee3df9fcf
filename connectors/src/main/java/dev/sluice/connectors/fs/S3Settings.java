package dev.sluice.connectors.fs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How Sluice reaches S3: the {@code s3.*} job settings, validated once.
 *
 * <p>Every part is optional. With none set, the job talks to AWS S3 in the region the AWS SDK
 * finds, with credentials from the default AWS chain (environment, profile, web identity, container
 * or instance role). An endpoint and path-style access are for S3-compatible stores; explicit keys
 * are for tests and such stores. {@link #toString()} never shows the keys.
 */
public final class S3Settings {

  /** Setting keys, as in the job configuration. */
  public static final String ENDPOINT = "s3.endpoint";

  public static final String PATH_STYLE_ACCESS = "s3.path-style-access";
  public static final String REGION = "s3.region";
  public static final String ACCESS_KEY = "s3.access-key";
  public static final String SECRET_KEY = "s3.secret-key";
  public static final String SSE = "s3.sse";
  public static final String SSE_KMS_KEY_ID = "s3.sse-kms-key-id";

  /** Server-side encryption of the objects Sluice writes. */
  public enum Encryption {
    /** The bucket's default applies. */
    NONE("none"),
    /** SSE-S3: keys managed by S3 (AES256). */
    SSE_S3("sse-s3"),
    /** SSE-KMS: a KMS key, the given one or the account's aws/s3 key. */
    SSE_KMS("sse-kms");

    private final String setting;

    Encryption(String setting) {
      this.setting = setting;
    }

    /** The value as written in {@value S3Settings#SSE}. */
    public String setting() {
      return setting;
    }

    /** Parses a {@value S3Settings#SSE} value. */
    public static Encryption fromSetting(String value) {
      for (Encryption encryption : values()) {
        if (encryption.setting.equals(value.trim().toLowerCase(Locale.ROOT))) {
          return encryption;
        }
      }
      throw new IllegalArgumentException(
          SSE + " is '" + value + "'; expected one of none, sse-s3, sse-kms");
    }
  }

  private static final String ENDPOINT_EXAMPLE =
      "an http or https URL with a host, e.g. http://127.0.0.1:9000";

  private static final S3Settings DEFAULTS = builder().build();

  private final URI endpoint;
  private final boolean pathStyleAccess;
  private final String region;
  private final String accessKey;
  private final String secretKey;
  private final Encryption encryption;
  private final String kmsKeyId;

  private S3Settings(Builder builder) {
    this.endpoint = builder.endpoint;
    this.pathStyleAccess = builder.pathStyleAccess;
    this.region = builder.region;
    this.accessKey = builder.accessKey;
    this.secretKey = builder.secretKey;
    this.encryption = builder.encryption;
    this.kmsKeyId = builder.kmsKeyId;
  }

  /** AWS S3, default region and credential chain, no explicit encryption. */
  public static S3Settings defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings from job configuration entries; keys outside {@code s3.*} are ignored.
   *
   * @throws IllegalArgumentException naming the key and what would be right, never a secret
   */
  public static S3Settings fromMap(Map<String, String> settings) {
    Builder builder = builder();
    Optional.ofNullable(settings.get(ENDPOINT)).ifPresent(builder::endpoint);
    Optional.ofNullable(settings.get(PATH_STYLE_ACCESS))
        .ifPresent(value -> builder.pathStyleAccess(parseBoolean(PATH_STYLE_ACCESS, value)));
    Optional.ofNullable(settings.get(REGION)).ifPresent(builder::region);
    if (settings.containsKey(ACCESS_KEY) || settings.containsKey(SECRET_KEY)) {
      builder.credentials(settings.get(ACCESS_KEY), settings.get(SECRET_KEY));
    }
    Optional.ofNullable(settings.get(SSE))
        .ifPresent(value -> builder.encryption(Encryption.fromSetting(value)));
    Optional.ofNullable(settings.get(SSE_KMS_KEY_ID)).ifPresent(builder::kmsKeyId);
    return builder.build();
  }

  /** The S3 endpoint to use instead of AWS's, e.g. {@code http://127.0.0.1:9000}. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Whether buckets are addressed as {@code endpoint/bucket/key}; S3-compatible stores need it. */
  public boolean pathStyleAccess() {
    return pathStyleAccess;
  }

  /** The signing region, e.g. {@code eu-west-1}. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The explicit access key; empty means the default AWS credential chain. */
  public Optional<String> accessKey() {
    return Optional.ofNullable(accessKey);
  }

  /** The explicit secret key, present exactly when {@link #accessKey()} is. */
  public Optional<String> secretKey() {
    return Optional.ofNullable(secretKey);
  }

  /** Whether explicit keys replace the default AWS credential chain. */
  public boolean hasExplicitCredentials() {
    return accessKey != null;
  }

  /** Server-side encryption of written objects. */
  public Encryption encryption() {
    return encryption;
  }

  /** The KMS key (id, alias or ARN) for {@link Encryption#SSE_KMS}; empty means aws/s3. */
  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S3Settings other
        && Objects.equals(endpoint, other.endpoint)
        && pathStyleAccess == other.pathStyleAccess
        && Objects.equals(region, other.region)
        && Objects.equals(accessKey, other.accessKey)
        && Objects.equals(secretKey, other.secretKey)
        && encryption == other.encryption
        && Objects.equals(kmsKeyId, other.kmsKeyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        endpoint, pathStyleAccess, region, accessKey, secretKey, encryption, kmsKeyId);
  }

  /** The settings with both keys masked; safe for logs and reports. */
  @Override
  public String toString() {
    return "S3Settings{"
        + (ENDPOINT + "=" + (endpoint == null ? "<aws>" : endpoint))
        + (", " + PATH_STYLE_ACCESS + "=" + pathStyleAccess)
        + (", " + REGION + "=" + (region == null ? "<default>" : region))
        + (", "
            + ACCESS_KEY
            + "="
            + (accessKey == null ? "<default chain>" : Secrets.mask(ACCESS_KEY, accessKey)))
        + (", " + SECRET_KEY + "=" + (secretKey == null ? "<default chain>" : Secrets.MASK))
        + (", " + SSE + "=" + encryption.setting())
        + (kmsKeyId == null ? "" : ", " + SSE_KMS_KEY_ID + "=" + kmsKeyId)
        + "}";
  }

  private static boolean parseBoolean(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " is '" + value + "'; expected true or false");
    };
  }

  /** Collects settings; {@link #build()} validates them together. */
  public static final class Builder {
    private URI endpoint;
    private String endpointText;
    private boolean pathStyleAccess;
    private String region;
    private String accessKey;
    private String secretKey;
    private Encryption encryption = Encryption.NONE;
    private String kmsKeyId;

    private Builder() {}

    /** An http(s) endpoint of an S3-compatible store; checked by {@link #build()}. */
    public Builder endpoint(String endpoint) {
      this.endpointText = endpoint;
      this.endpoint = null;
      return this;
    }

    /** An http(s) endpoint of an S3-compatible store. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      this.endpointText = null;
      return this;
    }

    public Builder pathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Explicit keys, both or neither; null for both means the default AWS credential chain. */
    public Builder credentials(String accessKey, String secretKey) {
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      return this;
    }

    public Builder encryption(Encryption encryption) {
      this.encryption = Objects.requireNonNull(encryption, SSE);
      return this;
    }

    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    /**
     * The settings.
     *
     * @throws InvalidS3SettingsException listing every problem, each naming the offending key and
     *     what would be right; secret values never appear in the message
     */
    public S3Settings build() {
      List<String> problems = new ArrayList<>();
      if (endpointText != null) {
        try {
          endpoint = new URI(endpointText.trim());
        } catch (URISyntaxException e) {
          endpoint = null;
          problems.add(ENDPOINT + " is '" + endpointText + "'; expected " + ENDPOINT_EXAMPLE);
        }
      }
      if (endpoint != null) {
        String scheme = endpoint.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
            || endpoint.getHost() == null) {
          problems.add(ENDPOINT + " is '" + endpoint + "'; expected " + ENDPOINT_EXAMPLE);
        }
      }
      if (region != null && !region.matches("[a-z0-9-]+")) {
        problems.add(
            REGION + " is '" + region + "'; expected an AWS region name such as eu-west-1");
      }
      boolean hasAccess = accessKey != null && !accessKey.isBlank();
      boolean hasSecret = secretKey != null && !secretKey.isBlank();
      if (hasAccess != hasSecret) {
        problems.add(
            (hasAccess ? SECRET_KEY : ACCESS_KEY)
                + " is missing or blank while "
                + (hasAccess ? ACCESS_KEY : SECRET_KEY)
                + " is set; give both, or neither to use the default AWS credential chain");
      }
      if (!hasAccess) {
        accessKey = null;
        secretKey = null;
      }
      if (kmsKeyId != null && kmsKeyId.isBlank()) {
        kmsKeyId = null;
      }
      if (kmsKeyId != null && encryption != Encryption.SSE_KMS) {
        problems.add(
            SSE_KMS_KEY_ID
                + " is set but "
                + SSE
                + " is "
                + encryption.setting()
                + "; set "
                + SSE
                + " to sse-kms or remove the key id");
      }
      if (!problems.isEmpty()) {
        throw new InvalidS3SettingsException(problems);
      }
      return new S3Settings(this);
    }
  }
}
