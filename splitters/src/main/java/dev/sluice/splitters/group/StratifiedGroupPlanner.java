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
 * <p>Rule: with {@code n_c} records of class c, N records in all, target {@code t_cj = f_j × n_c}
 * and {@code T_j = f_j × N}, groups are taken largest first (ties: {@code XXH64(group, seed)}
 * unsigned, then the value), and each goes to the channel of positive fraction that least increases
 * {@code Σ_c Σ_j (a_cj − t_cj)² / n_c + Σ_j (A_j − T_j)² / N}, where {@code a_cj} and {@code A_j}
 * are the records already assigned (ties: the earlier channel). Deterministic for the same counts
 * and seed, whatever order they were gathered in.
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
    long total = 0;
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
    long[][] perClass = new long[classTotals.size()][k];
    long[] assigned = new long[k];
    HashMap<String, Integer> channelOfGroup = new HashMap<>(entries.size() * 2);
    for (Entry e : entries) {
      int best = -1;
      double bestIncrease = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double f = target.fraction(j);
        if (f <= 0) {
          continue;
        }
        // (a + g − t)² − (a − t)² = g × (2 (a − t) + g), normalised by the class size.
        double increase = e.count * (2 * (assigned[j] - f * total) + e.count) / (double) total;
        for (Map.Entry<String, Long> c : e.classes.entrySet()) {
          int i = classIndex.get(c.getKey());
          long n = classTotals.get(i);
          long g = c.getValue();
          increase += g * (2 * (perClass[i][j] - f * n) + g) / (double) n;
        }
        if (increase < bestIncrease) {
          bestIncrease = increase;
          best = j;
        }
      }
      assigned[best] += e.count;
      for (Map.Entry<String, Long> c : e.classes.entrySet()) {
        perClass[classIndex.get(c.getKey())][best] += c.getValue();
      }
      channelOfGroup.put(e.group, best);
    }
    return new BalancedGroupPlan(target, tolerance, channelOfGroup, assigned, largest);
  }
}
