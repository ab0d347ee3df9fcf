package dev.sluice.splitters;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code split.strategy} values and what each one owns: the keys under its own prefix ({@code
 * split.group.*}) and whether {@code split.stratify-by} applies. A new strategy is a new constant
 * here and a builder in its own package; the jobs module derives its checks from these.
 */
public enum SplitStrategy {
  RANDOM("random", true),
  GROUP("group", true),
  TIME("time", false),
  DOMAIN("domain", false);

  private final String configName;
  private final boolean stratifiable;

  SplitStrategy(String configName, boolean stratifiable) {
    this.configName = configName;
    this.stratifiable = stratifiable;
  }

  /** The {@code split.strategy} value. */
  public String configName() {
    return configName;
  }

  /** The prefix of the keys only this strategy reads ({@code split.group.}). */
  public String keyPrefix() {
    return "split." + configName + ".";
  }

  /** Whether {@code split.stratify-by} applies to this strategy. */
  public boolean stratifiable() {
    return stratifiable;
  }

  public static Optional<SplitStrategy> fromConfigName(String name) {
    return Arrays.stream(values()).filter(s -> s.configName.equals(name)).findFirst();
  }

  /** Every {@code split.strategy} value, in declaration order. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(SplitStrategy::configName).toList();
  }
}
