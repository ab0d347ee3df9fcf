package dev.sluice.connectors.source;

/**
 * What a run does with an object that cannot be read to its end: a truncated or corrupt {@code .gz}
 * (the gzip stream ends early, its trailer is wrong, it is not gzip at all) or a truncated or
 * corrupt Avro file ({@code source.on-corrupt-object}).
 */
public enum OnCorruptObject {
  /**
   * The run fails, with a message naming the object, how much of it was read, and what the
   * decompressor or decoder said. The default: nothing is published from damaged input.
   */
  FAIL("fail"),
  /**
   * The rows read before the damage are kept; the rest of the object becomes one rejected row with
   * reason {@code corrupt_object}, naming the object and what was read, counted like any rejected
   * row (and so bounded by {@code sink.max-rejected-fraction}); the other objects go on.
   */
  SKIP("skip");

  private final String configName;

  OnCorruptObject(String configName) {
    this.configName = configName;
  }

  /** The value as written in the configuration. */
  public String configName() {
    return configName;
  }

  /** The policy for {@code fail} or {@code skip}. */
  public static OnCorruptObject fromConfigName(String name) {
    for (OnCorruptObject policy : values()) {
      if (policy.configName.equals(name)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "source.on-corrupt-object must be fail or skip, got '" + name + "'");
  }
}
