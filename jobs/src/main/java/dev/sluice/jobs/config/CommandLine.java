package dev.sluice.jobs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job's command line: {@code --config PATH}, {@code --help}, and {@code --key value} (or {@code
 * --key=value}) pairs that override the file. A key given twice is an error, not "the last one
 * wins".
 */
public record CommandLine(Optional<String> configLocation, boolean help, RawConfig overrides) {

  public static final String ORIGIN = "command line";

  public static CommandLine parse(String... args) {
    Optional<String> config = Optional.empty();
    boolean help = false;
    Map<String, String> overrides = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        problems.add("unexpected argument '" + arg + "'; arguments are --key value pairs");
        continue;
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        problems.add("--" + name + ": missing value");
        continue;
      }
      if (name.equals("config")) {
        if (config.isPresent()) {
          problems.add("--config: given twice; give one job file");
        }
        config = Optional.of(value);
      } else if (overrides.containsKey(name)) {
        problems.add(
            "--"
                + name
                + ": given twice ("
                + overrides.get(name)
                + " and "
                + value
                + "); give each key once");
      } else {
        overrides.put(name, value);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new CommandLine(config, help, RawConfig.of(overrides, ORIGIN));
  }
}
