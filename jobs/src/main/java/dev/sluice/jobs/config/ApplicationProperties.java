package dev.sluice.jobs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The configuration carrier of Amazon Managed Service for Apache Flink: the application's runtime
 * properties, as {@code KinesisAnalyticsRuntime.getApplicationProperties()} returns them. Sluice
 * reads the property group {@value #GROUP}, whose keys are exactly the documented keys ({@code
 * split.strategy}, {@code split.fractions} as a comma list, …), the same text a YAML file or the
 * command line gives. The optional key {@value #CONFIG_KEY} names a YAML job file (on S3, say),
 * which the group's other keys override, as the command line overrides {@code --config}.
 *
 * <p>The service accepts at most {@value #MAX_GROUPS} groups of {@value #MAX_KEYS_PER_GROUP} keys,
 * and keys and values of 1 to {@value #MAX_LENGTH} characters. A development file read through the
 * runtime library's local-file overload is held to the same limits, so what runs locally can be
 * deployed.
 */
public record ApplicationProperties(Optional<String> configLocation, RawConfig overrides) {

  /** The property group Sluice reads. */
  public static final String GROUP = "sluice";

  /** The key in {@value #GROUP} that names a YAML job file the group's keys override. */
  public static final String CONFIG_KEY = "sluice.config";

  public static final int MAX_GROUPS = 50;
  public static final int MAX_KEYS_PER_GROUP = 50;
  public static final int MAX_LENGTH = 2048;

  /** The origin messages name for a key of the group. */
  public static final String ORIGIN = "runtime property group " + GROUP;

  /**
   * Checks the service's limits on every group and reads the {@value #GROUP} group, or throws
   * listing every problem.
   */
  public static ApplicationProperties from(Map<String, Properties> groups) {
    List<String> problems = new ArrayList<>(limitProblems(groups));
    Properties group = groups.get(GROUP);
    if (group == null) {
      problems.add(
          "runtime properties: no property group '"
              + GROUP
              + "' (groups present: "
              + (groups.isEmpty() ? "none" : String.join(", ", new TreeMap<>(groups).keySet()))
              + "); put the job's keys, such as source.path and split.strategy, into a group"
              + " named '"
              + GROUP
              + "'");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Map<String, String> values = new LinkedHashMap<>();
    // Properties keep no order; sorted keys give stable messages and reports.
    new TreeMap<>(group).forEach((key, value) -> values.put((String) key, (String) value));
    Optional<String> config = Optional.ofNullable(values.remove(CONFIG_KEY)).map(String::trim);
    return new ApplicationProperties(config, RawConfig.of(values, ORIGIN));
  }

  private static List<String> limitProblems(Map<String, Properties> groups) {
    List<String> problems = new ArrayList<>();
    if (groups.size() > MAX_GROUPS) {
      problems.add(
          "runtime properties: "
              + groups.size()
              + " property groups, more than the "
              + MAX_GROUPS
              + " Managed Flink allows");
    }
    new TreeMap<>(groups)
        .forEach(
            (name, group) -> {
              if (group.size() > MAX_KEYS_PER_GROUP) {
                problems.add(
                    "runtime property group "
                        + name
                        + ": "
                        + group.size()
                        + " keys, more than the "
                        + MAX_KEYS_PER_GROUP
                        + " Managed Flink allows in one group; move keys into the YAML file"
                        + " that "
                        + CONFIG_KEY
                        + " names");
              }
              new TreeMap<>(group)
                  .forEach(
                      (key, value) -> {
                        String where = "runtime property group " + name + ": ";
                        if (!lengthAllowed((String) key)) {
                          problems.add(
                              where
                                  + "key '"
                                  + abbreviated((String) key)
                                  + "' has "
                                  + ((String) key).length()
                                  + " characters; keys have 1 to "
                                  + MAX_LENGTH);
                        }
                        if (!lengthAllowed((String) value)) {
                          problems.add(
                              where
                                  + key
                                  + ": the value has "
                                  + ((String) value).length()
                                  + " characters; values have 1 to "
                                  + MAX_LENGTH
                                  + (((String) value).isEmpty()
                                      ? "; leave the key out for its default"
                                      : "; put long values into the YAML file that "
                                          + CONFIG_KEY
                                          + " names"));
                        }
                      });
            });
    return problems;
  }

  private static boolean lengthAllowed(String text) {
    return !text.isEmpty() && text.length() <= MAX_LENGTH;
  }

  private static String abbreviated(String key) {
    return key.length() <= 60 ? key : key.substring(0, 60) + "…";
  }
}
