package dev.sluice.splitters.group;

import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns whole groups to channels so that each channel's share of <em>records</em> (not of groups)
 * is close to its target.
 *
 * <p><b>Algorithm</b> (deterministic for the same counts and seed):
 *
 * <ol>
 *   <li>Order groups by record count descending; ties by {@link SplitHash#hash} of the group with
 *       the seed (unsigned ascending), then by group value.
 *   <li>Take each group in that order and give it to the channel with the largest deficit (target
 *       fraction &times; total records &minus; records assigned so far) among channels with a
 *       positive fraction; ties go to the earlier channel.
 * </ol>
 *
 * <p>Because a group only ever goes to a channel whose deficit is &ge; 0, no channel ends more than
 * one group over its target, and since groups arrive largest first, the overshoot is at most the
 * size of the last group it received. So every channel ends within the stated tolerance (default
 * 0.01 absolute) whenever groups are small compared with tolerance &times; records; when a few
 * groups are too large for that, the plan still reports its realised fractions and says why the
 * tolerance was missed.
 */
public final class BalancedGroupPlanner {
  private BalancedGroupPlanner() {}

  /** Plans {@code counts} against {@code target}. */
  public static BalancedGroupPlan plan(
      GroupCounts counts, ChannelFractions target, long seed, double tolerance) {
    return plan(counts.totals(), target, seed, tolerance);
  }

  /** Plans a group-to-count table against {@code target}. */
  public static BalancedGroupPlan plan(
      Map<String, Long> counts, ChannelFractions target, long seed, double tolerance) {
    record Entry(String group, long count, long hash) {}
    List<Entry> entries = new ArrayList<>(counts.size());
    long total = 0;
    long largest = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      entries.add(new Entry(e.getKey(), e.getValue(), SplitHash.hash(e.getKey(), seed)));
      total += e.getValue();
      largest = Math.max(largest, e.getValue());
    }
    entries.sort(
        (a, b) -> {
          int c = Long.compare(b.count, a.count);
          if (c != 0) {
            return c;
          }
          c = Long.compareUnsigned(a.hash, b.hash);
          return c != 0 ? c : a.group.compareTo(b.group);
        });
    int k = target.size();
    double[] goal = new double[k];
    for (int i = 0; i < k; i++) {
      goal[i] = target.fraction(i) * total;
    }
    long[] assigned = new long[k];
    HashMap<String, Integer> channelOfGroup = new HashMap<>(entries.size() * 2);
    for (Entry e : entries) {
      int best = -1;
      double bestDeficit = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        if (target.fraction(i) <= 0) {
          continue;
        }
        double deficit = goal[i] - assigned[i];
        if (deficit > bestDeficit) {
          bestDeficit = deficit;
          best = i;
        }
      }
      assigned[best] += e.count;
      channelOfGroup.put(e.group, best);
    }
    return new BalancedGroupPlan(target, tolerance, channelOfGroup, assigned, largest);
  }
}
