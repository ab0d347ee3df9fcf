package dev.sluice.connectors.fs;

import java.util.List;

/** Every problem found in S3 settings, each naming its key; never a secret value. */
public final class InvalidS3SettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidS3SettingsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each a sentence naming the key. */
  public List<String> problems() {
    return problems;
  }
}
