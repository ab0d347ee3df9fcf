package dev.sluice.splitters;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * An output channel such as {@code train}. The name becomes an S3 prefix ({@code OUTPUT/<name>/}),
 * so it may contain only lowercase letters, digits, {@code -} and {@code _}. It may not start with
 * {@code _}: prefixes such as {@code OUTPUT/_sluice/} and {@code OUTPUT/_rejected/} hold a run's
 * metadata and rejected rows, beside the channels and never under one.
 *
 * @param name the validated name
 */
public record Channel(String name) implements Serializable {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

  /** The default channels, in order: train, validation, test. */
  public static final Channel TRAIN = new Channel("train");

  /** Second default channel. */
  public static final Channel VALIDATION = new Channel("validation");

  /** Third default channel. */
  public static final Channel TEST = new Channel("test");

  /** Validates the name; throws {@link SplitConfigException} naming {@code split.channels}. */
  public Channel {
    String problem = problemWith(name);
    if (problem != null) {
      throw SplitConfigException.of(SplitKeys.CHANNELS, problem);
    }
  }

  /**
   * Why {@code name} cannot be a channel name, or null when it can. Lets builders collect the
   * problem instead of throwing.
   */
  public static String problemWith(String name) {
    if (name == null || name.isEmpty()) {
      return "a channel name is empty; use lowercase letters, digits, '-' or '_' (e.g. train)";
    }
    if (!NAME.matcher(name).matches()) {
      return "channel name '"
          + name
          + "' may contain only lowercase letters, digits, '-' and '_' because it becomes an S3"
          + " prefix; e.g. '"
          + suggestion(name)
          + "'";
    }
    if (name.startsWith("_")) {
      return "channel name '"
          + name
          + "' may not start with '_': OUTPUT/_… prefixes hold the run's metadata and rejected"
          + " rows; e.g. '"
          + name.replaceFirst("^_+", "")
          + "'";
    }
    return null;
  }

  private static String suggestion(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    return s.isEmpty() ? "train" : s;
  }

  @Override
  public String toString() {
    return name;
  }
}
