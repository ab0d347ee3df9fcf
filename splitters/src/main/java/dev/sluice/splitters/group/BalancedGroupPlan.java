package dev.sluice.splitters.group;

import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitPlan;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A balanced group plan: each planned group's channel, with the realised record fractions. Made by
 * {@link BalancedGroupPlanner}; used by {@link BalancedGroupSplitter}.
 */
public final class BalancedGroupPlan implements SplitPlan {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions target;
  private final double tolerance;
  private final HashMap<String, Integer> channelOfGroup;
  private final long[] recordsPerChannel;
  private final long largestGroup;

  BalancedGroupPlan(
      ChannelFractions target,
      double tolerance,
      HashMap<String, Integer> channelOfGroup,
      long[] recordsPerChannel,
      long largestGroup) {
    this.target = target;
    this.tolerance = tolerance;
    this.channelOfGroup = channelOfGroup;
    this.recordsPerChannel = recordsPerChannel.clone();
    this.largestGroup = largestGroup;
  }

  /** The planned channel index of {@code group}, or -1 when the group is not in the plan. */
  public int channelIndexOf(String group) {
    Integer i = channelOfGroup.get(group);
    return i == null ? -1 : i;
  }

  /** Group to channel index (read-only). */
  public Map<String, Integer> channelOfGroup() {
    return Collections.unmodifiableMap(channelOfGroup);
  }

  /** The requested fractions. */
  public ChannelFractions target() {
    return target;
  }

  /** The stated tolerance (absolute, on each channel's share of records). */
  public double tolerance() {
    return tolerance;
  }

  /** Realised share of records per channel, in channel order. */
  public double[] realisedFractions() {
    long n = 0;
    for (long c : recordsPerChannel) {
      n += c;
    }
    double[] r = new double[recordsPerChannel.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = n == 0 ? 0 : (double) recordsPerChannel[i] / n;
    }
    return r;
  }

  /** True when every channel's realised share is within the tolerance of its target. */
  public boolean withinTolerance() {
    double[] r = realisedFractions();
    for (int i = 0; i < r.length; i++) {
      if (Math.abs(r[i] - target.fraction(i)) > tolerance + 1e-12) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mode", "group-balanced");
    d.put("groups", channelOfGroup.size());
    long n = 0;
    for (long c : recordsPerChannel) {
      n += c;
    }
    d.put("records", n);
    d.put("requested", target.asMap());
    Map<String, Double> realised = new LinkedHashMap<>();
    Map<String, Long> records = new LinkedHashMap<>();
    double[] r = realisedFractions();
    for (int i = 0; i < r.length; i++) {
      realised.put(target.channel(i).name(), r[i]);
      records.put(target.channel(i).name(), recordsPerChannel[i]);
    }
    d.put("realised", realised);
    d.put("records_per_channel", records);
    d.put("tolerance", tolerance);
    d.put("within_tolerance", withinTolerance());
    d.put("largest_group_records", largestGroup);
    if (!withinTolerance()) {
      d.put(
          "note",
          "group sizes do not allow the tolerance: the largest group holds "
              + largestGroup
              + " of "
              + n
              + " records");
    }
    return d;
  }
}
