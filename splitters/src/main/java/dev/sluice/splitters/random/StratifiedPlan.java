package dev.sluice.splitters.random;

import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.time.TimeCutoffPlan;
import dev.sluice.splitters.time.TimeFractionsPlanner;
import dev.sluice.splitters.time.TimestampHistogram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stratified random plan: for each class, cut-offs on the records' key-hash positions that give
 * each channel its fraction of that class's records (the time strategy's exact rule applied to hash
 * positions instead of timestamps, so each channel gets its share of every class to within one
 * record while the class has at most {@link StratumHistograms#EXACT_LIMIT} records, and to within
 * the sketch's rank error beyond). A rare class, with fewer records than channels of positive
 * fraction, cannot be spread: its records follow the plain hash rule and the plan lists it.
 */
public final class StratifiedPlan implements SplitPlan {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions target;
  private final HashMap<String, long[]> cutoffs;
  private final TreeMap<String, Long> rare;
  private final TreeMap<String, Long> classRecords;
  private final boolean exact;

  private StratifiedPlan(
      ChannelFractions target,
      HashMap<String, long[]> cutoffs,
      TreeMap<String, Long> rare,
      TreeMap<String, Long> classRecords,
      boolean exact) {
    this.target = target;
    this.cutoffs = cutoffs;
    this.rare = rare;
    this.classRecords = classRecords;
    this.exact = exact;
  }

  /** Plans cut-offs per class from {@code histograms}. */
  public static StratifiedPlan plan(StratumHistograms histograms, ChannelFractions target) {
    int positive = 0;
    for (double f : target.fractions()) {
      positive += f > 0 ? 1 : 0;
    }
    HashMap<String, long[]> cutoffs = new HashMap<>();
    TreeMap<String, Long> rare = new TreeMap<>();
    TreeMap<String, Long> records = new TreeMap<>();
    boolean exact = true;
    for (Map.Entry<String, TimestampHistogram> e : histograms.byStratum().entrySet()) {
      TimestampHistogram h = e.getValue();
      records.put(e.getKey(), h.records());
      if (h.records() < positive) {
        rare.put(e.getKey(), h.records());
        continue;
      }
      TimeCutoffPlan p = TimeFractionsPlanner.plan(h, target);
      exact &= p.exact();
      cutoffs.put(e.getKey(), p.starts());
    }
    return new StratifiedPlan(target, cutoffs, rare, records, exact);
  }

  /** The requested fractions. */
  public ChannelFractions target() {
    return target;
  }

  /** The cut-offs on key-hash positions for {@code stratum}, or null (rare or unseen class). */
  long[] cutoffsOf(String stratum) {
    return cutoffs.get(stratum);
  }

  /** Rare classes (fewer records than channels with a positive fraction) and their records. */
  public Map<String, Long> rareClasses() {
    return java.util.Collections.unmodifiableMap(rare);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mode", "random-stratified");
    d.put("classes", new LinkedHashMap<>(classRecords));
    d.put(
        "bound",
        exact
            ? "each channel holds its fraction of every class to within one record"
            : "each channel holds its fraction of every class to within the KLL sketch's rank"
                + " error (about 0.33 %) of that class");
    List<String> rareList = new ArrayList<>();
    rare.forEach((c, n) -> rareList.add(c + " (" + n + " records)"));
    d.put("rare_classes", rareList);
    if (!rare.isEmpty()) {
      d.put(
          "rare_note",
          "a class with fewer records than channels cannot be spread over them; its records"
              + " follow the plain hash rule");
    }
    return d;
  }
}
