package dev.sluice.splitters;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A split configuration that cannot be used, with every problem found at once (not just the first),
 * so a user fixes the configuration in one round. Each problem names the configuration key (see
 * CONFIG-KEYS: {@code split.fractions}, {@code split.time.gap}, ...) and says what would be right.
 */
public final class SplitConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** One problem: the configuration key at fault and a message saying what would be right. */
  public record Problem(String key, String message) implements java.io.Serializable {
    @Override
    public String toString() {
      return key + ": " + message;
    }
  }

  private final List<Problem> problems;

  /** Creates the exception; {@code problems} must not be empty. */
  public SplitConfigException(List<Problem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SplitConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Convenience for a single problem. */
  public static SplitConfigException of(String key, String message) {
    return new SplitConfigException(List.of(new Problem(key, message)));
  }

  /** Every problem found, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    String head =
        problems.size() == 1
            ? "invalid split configuration: "
            : "invalid split configuration (" + problems.size() + " problems):\n  - ";
    return head + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  - "));
  }
}
