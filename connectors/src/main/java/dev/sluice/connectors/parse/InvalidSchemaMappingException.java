package dev.sluice.connectors.parse;

import java.util.List;

/** Every problem found in a schema mapping, each naming its configuration key. */
public class InvalidSchemaMappingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** An exception listing the problems, one per line in the message. */
  public InvalidSchemaMappingException(List<String> problems) {
    super("Invalid schema mapping:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each a sentence naming the key. */
  public List<String> problems() {
    return problems;
  }
}
