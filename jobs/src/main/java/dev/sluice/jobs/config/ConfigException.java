package dev.sluice.jobs.config;

import java.util.List;

/**
 * A configuration that cannot run, with every problem found. It is raised before any data moves,
 * or, for what only the data can tell (a domain value without a route), by the planning pass before
 * anything is written; the entry point prints the message and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The process exit code for a bad configuration. */
  public static final int EXIT_CODE = 2;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    this(problems, "nothing was read or written");
  }

  private ConfigException(List<String> problems, String consequence) {
    super(render(problems, consequence));
    this.problems = List.copyOf(problems);
  }

  /** Problems the planning pass found in the data: it read the input, but wrote nothing. */
  public static ConfigException foundByThePlanningPass(List<String> problems) {
    return new ConfigException(
        problems, "found by the planning pass in the input; nothing was written");
  }

  public List<String> problems() {
    return problems;
  }

  private static String render(List<String> problems, String consequence) {
    StringBuilder message =
        new StringBuilder("Invalid configuration (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append("); ")
            .append(consequence)
            .append(':');
    for (String problem : problems) {
      message.append(System.lineSeparator()).append("  - ").append(problem);
    }
    return message.toString();
  }
}
