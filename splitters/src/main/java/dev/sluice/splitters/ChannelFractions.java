package dev.sluice.splitters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ordered channels with one fraction each, and the rule that maps a number {@code u} in [0, 1) to a
 * channel by cumulative fractions in channel order.
 *
 * <p><b>Mapping rule.</b> With fractions f<sub>0</sub>..f<sub>n-1</sub>, let c<sub>i</sub> =
 * f<sub>0</sub> + ... + f<sub>i</sub>, summed left to right in IEEE-754 double arithmetic. {@code
 * u} goes to the smallest i with f<sub>i</sub> &gt; 0 and u &lt; c<sub>i</sub>; if there is none
 * (possible only because the sum may round to just below 1), to the last channel with f<sub>i</sub>
 * &gt; 0. A channel with fraction 0 never receives a record.
 *
 * <p>Validation: 1 to 64 channels (the auditor keeps one bit per channel per group), names valid
 * and distinct, every fraction finite and &ge; 0, and the fractions sum to 1 within 1e-9.
 */
public final class ChannelFractions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Tolerance on the sum of fractions. */
  public static final double SUM_TOLERANCE = 1e-9;

  /** Most channels a split may have. */
  public static final int MAX_CHANNELS = 64;

  private final List<Channel> channels;
  private final double[] fractions;
  private final double[] cumulative;
  private final int lastPositive;

  private ChannelFractions(List<Channel> channels, double[] fractions) {
    this.channels = List.copyOf(channels);
    this.fractions = fractions.clone();
    this.cumulative = new double[fractions.length];
    double sum = 0;
    int last = -1;
    for (int i = 0; i < fractions.length; i++) {
      sum += fractions[i];
      cumulative[i] = sum;
      if (fractions[i] > 0) {
        last = i;
      }
    }
    this.lastPositive = last;
  }

  /**
   * Validates channels and fractions, throwing one {@link SplitConfigException} with every problem.
   */
  public static ChannelFractions of(List<String> channels, List<Double> fractions) {
    ConfigProblems problems = new ConfigProblems();
    ChannelFractions result =
        validate(channels, fractions, SplitKeys.CHANNELS, SplitKeys.FRACTIONS, problems);
    problems.throwIfAny();
    return result;
  }

  /** Shortcut for tests and code: {@code of(List.of("train","test"), 0.8, 0.2)}. */
  public static ChannelFractions of(List<String> channels, double... fractions) {
    List<Double> list = new ArrayList<>();
    for (double f : fractions) {
      list.add(f);
    }
    return of(channels, list);
  }

  /** Validates channel names alone (distinct, well-formed, 1..64), reporting under {@code key}. */
  public static List<Channel> validateChannels(
      List<String> names, String key, ConfigProblems problems) {
    List<Channel> result = new ArrayList<>();
    if (names == null || names.isEmpty()) {
      problems.add(key, "no channels given; list at least one, e.g. [train, validation, test]");
      return null;
    }
    if (names.size() > MAX_CHANNELS) {
      problems.add(key, names.size() + " channels given; at most " + MAX_CHANNELS + " allowed");
    }
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (String name : names) {
      String problem = Channel.problemWith(name);
      if (problem != null) {
        problems.add(key, problem);
        ok = false;
      } else if (!seen.add(name)) {
        problems.add(key, "channel '" + name + "' is listed twice; each channel must be unique");
        ok = false;
      } else {
        result.add(new Channel(name));
      }
    }
    return ok && names.size() <= MAX_CHANNELS ? result : null;
  }

  /**
   * Validates fractions against already-validated channels, reporting under {@code fractionsKey};
   * returns null (with problems added) when invalid.
   */
  public static ChannelFractions validateFractions(
      List<Channel> channels,
      List<Double> fractions,
      String fractionsKey,
      ConfigProblems problems) {
    if (fractions == null) {
      problems.add(fractionsKey, "no fractions given; give one per channel " + channels);
      return null;
    }
    if (fractions.size() != channels.size()) {
      problems.add(
          fractionsKey,
          "has "
              + fractions.size()
              + " values "
              + fractions
              + " but there are "
              + channels.size()
              + " channels "
              + channels
              + "; give exactly one fraction per channel, in channel order");
      return null;
    }
    int before = problems.size();
    double[] values = new double[fractions.size()];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      Double f = fractions.get(i);
      if (f == null || !Double.isFinite(f) || f < 0) {
        problems.add(
            fractionsKey,
            "fraction for channel '"
                + channels.get(i).name()
                + "' is "
                + f
                + "; each fraction must be a finite number >= 0");
      } else {
        values[i] = f;
        sum += f;
      }
    }
    if (problems.size() == before && Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      problems.add(
          fractionsKey,
          "fractions "
              + fractions
              + " sum to "
              + sum
              + "; they must sum to 1 (within 1e-9), e.g. "
              + suggestion(values, sum));
    }
    return problems.size() == before ? new ChannelFractions(channels, values) : null;
  }

  /** Validates both lists under the given keys. Returns null when invalid. */
  public static ChannelFractions validate(
      List<String> channelNames,
      List<Double> fractions,
      String channelsKey,
      String fractionsKey,
      ConfigProblems problems) {
    List<Channel> channels = validateChannels(channelNames, channelsKey, problems);
    if (channels == null) {
      return null;
    }
    return validateFractions(channels, fractions, fractionsKey, problems);
  }

  private static String suggestion(double[] values, double sum) {
    List<Double> scaled = new ArrayList<>();
    if (sum <= 0) {
      for (int i = 0; i < values.length; i++) {
        scaled.add(i == 0 ? 1.0 : 0.0);
      }
    } else {
      for (double v : values) {
        scaled.add(Math.round(v / sum * 1e6) / 1e6);
      }
    }
    return scaled.toString();
  }

  /** The channels in order. */
  public List<Channel> channels() {
    return channels;
  }

  /** Number of channels. */
  public int size() {
    return fractions.length;
  }

  /** The channel at {@code index}. */
  public Channel channel(int index) {
    return channels.get(index);
  }

  /** The requested fraction of channel {@code index}. */
  public double fraction(int index) {
    return fractions[index];
  }

  /** A copy of the fractions in channel order. */
  public double[] fractions() {
    return fractions.clone();
  }

  /** Index of {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < channels.size(); i++) {
      if (channels.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The channel index for {@code u} in [0, 1), by the mapping rule in the class comment. */
  public int indexFor(double u) {
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i] && fractions[i] > 0) {
        return i;
      }
    }
    return lastPositive;
  }

  /** Channel name to fraction, in channel order, for reports. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < fractions.length; i++) {
      map.put(channels.get(i).name(), fractions[i]);
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelFractions other
        && channels.equals(other.channels)
        && java.util.Arrays.equals(fractions, other.fractions);
  }

  @Override
  public int hashCode() {
    return channels.hashCode() * 31 + java.util.Arrays.hashCode(fractions);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
