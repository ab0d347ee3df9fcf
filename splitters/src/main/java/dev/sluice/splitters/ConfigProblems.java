package dev.sluice.splitters;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects configuration problems while a spec is validated, then throws them all together. Used by
 * the builders so that one build reports every mistake at once.
 */
public final class ConfigProblems {
  private final List<SplitConfigException.Problem> problems = new ArrayList<>();

  /** Records a problem with {@code key}; {@code message} says what is wrong and what would do. */
  public void add(String key, String message) {
    problems.add(new SplitConfigException.Problem(key, message));
  }

  /** True when nothing has been reported. */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Number of problems so far; lets a caller tell whether a sub-check added any. */
  public int size() {
    return problems.size();
  }

  /** Throws a {@link SplitConfigException} listing every problem, if there are any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new SplitConfigException(problems);
    }
  }
}
