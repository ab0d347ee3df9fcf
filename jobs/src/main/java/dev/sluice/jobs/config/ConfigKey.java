package dev.sluice.jobs.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its dotted name, the type of its value, its default and its meaning. The
 * catalogue of keys ({@link SluiceKeys}) is the single source for validation, {@code --help} and
 * the README's table, so the three cannot drift apart.
 *
 * <p>A key whose last segment holds a {@code <placeholder>} is a family: {@code
 * split.domain.routes.<domain>} stands for {@code split.domain.routes.clean}, {@code
 * split.domain.routes.noisy} and so on; {@code split.time.<channel>-start} for {@code
 * split.time.validation-start}, {@code split.time.test-start}, ….
 */
public final class ConfigKey {
  private final String name;
  private final ValueType type;
  private final String defaultValue;
  private final boolean required;
  private final boolean secret;
  private final List<String> allowed;
  private final String description;

  private ConfigKey(Builder builder) {
    this.name = builder.name;
    this.type = builder.type;
    this.defaultValue = builder.defaultValue;
    this.required = builder.required;
    this.secret = builder.secret;
    this.allowed = List.copyOf(builder.allowed);
    this.description = builder.description;
  }

  public static Builder key(String name, ValueType type) {
    return new Builder(name, type);
  }

  public String name() {
    return name;
  }

  public ValueType type() {
    return type;
  }

  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public boolean required() {
    return required;
  }

  /** Values of secret keys are masked wherever configuration is shown. */
  public boolean secret() {
    return secret;
  }

  /** The accepted values of an enumerated key; empty when any value of the type is accepted. */
  public List<String> allowed() {
    return allowed;
  }

  public String description() {
    return description;
  }

  /** Whether this key is a family of keys ({@code prefix.<name>suffix}). */
  public boolean isFamily() {
    return name.indexOf('<') >= 0;
  }

  String familyPrefix() {
    return name.substring(0, name.lastIndexOf('<'));
  }

  String familySuffix() {
    return name.substring(name.lastIndexOf('>') + 1);
  }

  /** The member's own part of a concrete key of this family: {@code test} of {@code test-start}. */
  String member(String concrete) {
    return concrete.substring(familyPrefix().length(), concrete.length() - familySuffix().length());
  }

  /** Whether a concrete key from a carrier is this key or a member of this family. */
  public boolean matches(String concrete) {
    if (!isFamily()) {
      return name.equals(concrete);
    }
    String prefix = familyPrefix();
    String suffix = familySuffix();
    return concrete.startsWith(prefix)
        && concrete.endsWith(suffix)
        && concrete.length() > prefix.length() + suffix.length()
        && concrete.indexOf('.', prefix.length()) < 0;
  }

  /** What a valid value looks like: the allowed values or the type's description. */
  public String expected() {
    return allowed.isEmpty() ? type.description() : "one of " + String.join(", ", allowed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigKey key && key.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link ConfigKey}; the description is required, so every key is documented. */
  public static final class Builder {
    private final String name;
    private final ValueType type;
    private String defaultValue;
    private boolean required;
    private boolean secret;
    private List<String> allowed = List.of();

    private Builder(String name, ValueType type) {
      this.name = Objects.requireNonNull(name);
      this.type = Objects.requireNonNull(type);
    }

    private String description;

    public Builder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder secret() {
      this.secret = true;
      return this;
    }

    public Builder oneOf(String... values) {
      this.allowed = List.of(values);
      return this;
    }

    public ConfigKey describedAs(String description) {
      this.description = Objects.requireNonNull(description);
      return new ConfigKey(this);
    }
  }
}
