package dev.sluice.splitters.group;

import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns whole groups to channels so that every class keeps its share in every channel, and each
 * channel its share of records, as scikit-learn's {@code StratifiedGroupKFold} does for folds.
 *
 * <p>Rule: each group belongs to the stratum of the class it holds the largest share of ({@code g_c
 * / n_c}, with {@code n_c} the records of class c; ties: the class's name). Within a stratum,
 * groups are taken largest first (ties: {@code XXH64(group, seed)} unsigned, then the value), and
 * each goes to the channel of positive fraction furthest below its share of the stratum's records
 * once the group is counted: the largest {@code f_j × (S + g) − s_j}, where {@code S} and {@code
 * s_j} are the stratum's records placed so far, in all and in channel j (ties: the earlier
 * channel). Every stratum is thus split in the requested fractions to within one group, and so is
 * the whole.
 *
 * <p>Why strata rather than one greedy score over all classes: the groups that carry a rare class
 * also carry common ones, and a score adding both lets the common classes' and the records' balance
 * outvote the rare class; 1 % positives came out as 0.6 % in a channel that way.
 */
public final class StratifiedGroupPlanner {
  private StratifiedGroupPlanner() {}

  /** Plans {@code counts} against {@code target}. */
  public static BalancedGroupPlan plan(
      GroupClassCounts classCounts, ChannelFractions target, long seed, double tolerance) {
    GroupCounts counts = classCounts.counts();
    record Entry(String group, long count, long hash, Map<String, Long> classes) {}
    List<Entry> entries = new ArrayList<>();
    HashMap<String, Integer> classIndex = new HashMap<>();
    List<Long> classTotals = new ArrayList<>();
    long largest = 0;
    for (Map.Entry<String, Long> e : counts.totals().entrySet()) {
      Map<String, Long> classes = counts.domainCounts(e.getKey());
      entries.add(new Entry(e.getKey(), e.getValue(), SplitHash.hash(e.getKey(), seed), classes));
      for (Map.Entry<String, Long> c : classes.entrySet()) {
        int i = classIndex.computeIfAbsent(c.getKey(), x -> classIndex.size());
        if (i == classTotals.size()) {
          classTotals.add(0L);
        }
        classTotals.set(i, classTotals.get(i) + c.getValue());
      }
      largest = Math.max(largest, e.getValue());
    }
    Map<String, String> stratumOf = new HashMap<>();
    for (Entry e : entries) {
      String stratum = null;
      double most = -1;
      for (Map.Entry<String, Long> c : e.classes.entrySet()) {
        double share = c.getValue() / (double) classTotals.get(classIndex.get(c.getKey()));
        if (share > most || (share == most && c.getKey().compareTo(stratum) < 0)) {
          most = share;
          stratum = c.getKey();
        }
      }
      stratumOf.put(e.group, stratum == null ? "" : stratum);
    }
    entries.sort(
        (a, b) -> {
          int c = stratumOf.get(a.group).compareTo(stratumOf.get(b.group));
          if (c != 0) {
            return c;
          }
          c = Long.compare(b.count, a.count);
          if (c != 0) {
            return c;
          }
          c = Long.compareUnsigned(a.hash, b.hash);
          return c != 0 ? c : a.group.compareTo(b.group);
        });
    int k = target.size();
    long[] assigned = new long[k];
    long[] inStratum = new long[k];
    long stratumTotal = 0;
    String current = null;
    HashMap<String, Integer> channelOfGroup = new HashMap<>(entries.size() * 2);
    for (Entry e : entries) {
      String stratum = stratumOf.get(e.group);
      if (!stratum.equals(current)) {
        current = stratum;
        java.util.Arrays.fill(inStratum, 0L);
        stratumTotal = 0;
      }
      int best = -1;
      double bestDeficit = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double f = target.fraction(j);
        if (f <= 0) {
          continue;
        }
        double deficit = f * (stratumTotal + e.count) - inStratum[j];
        if (deficit > bestDeficit) {
          bestDeficit = deficit;
          best = j;
        }
      }
      assigned[best] += e.count;
      inStratum[best] += e.count;
      stratumTotal += e.count;
      channelOfGroup.put(e.group, best);
    }
    return new BalancedGroupPlan(target, tolerance, channelOfGroup, assigned, largest);
  }
}
