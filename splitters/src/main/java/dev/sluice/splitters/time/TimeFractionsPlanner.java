package dev.sluice.splitters.time;

import dev.sluice.splitters.ChannelFractions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Computes time cut-offs so that channels get their fractions of records in time order, oldest
 * first (train gets the oldest records).
 *
 * <p><b>Exact rule.</b> Let the distinct timestamps be t<sub>0</sub> &lt; ... &lt; t<sub>D-1</sub>,
 * N records in all, and F<sub>j</sub> = f<sub>0</sub> + ... + f<sub>j-1</sub>. The cut-off of
 * channel j is the candidate c in {t<sub>0</sub>, ..., t<sub>D-1</sub>, t<sub>D-1</sub> + 1 ms}
 * whose count of records strictly before c is closest to F<sub>j</sub> &times; N (ties: the earlier
 * candidate). Records at c go to channel j (the later side), so records sharing a timestamp never
 * straddle a cut-off.
 *
 * <p><b>Sketch rule</b> (too many distinct timestamps): c = the KLL quantile at rank F<sub>j</sub>
 * (inclusive search), or max + 1 ms when F<sub>j</sub> = 1; each cut-off's rank is then within the
 * sketch's normalized rank error of its target, plus the share of records sharing c.
 *
 * <p>Gap exclusions (if any) come out of the channel before each cut-off.
 */
public final class TimeFractionsPlanner {
  private TimeFractionsPlanner() {}

  /** Plans cut-offs for {@code target} from {@code histogram}. */
  public static TimeCutoffPlan plan(TimestampHistogram histogram, ChannelFractions target) {
    int k = target.size();
    double[] cumulative = new double[k - 1];
    double sum = 0;
    for (int j = 1; j < k; j++) {
      sum += target.fraction(j - 1);
      cumulative[j - 1] = Math.min(1.0, sum);
    }
    long n = histogram.records();
    long[] starts = new long[k - 1];
    double[] realised = new double[k];
    if (n == 0) {
      java.util.Arrays.fill(starts, Long.MAX_VALUE);
      return new TimeCutoffPlan(target, starts, true, 0, realised, 0);
    }
    if (histogram.isExact()) {
      TreeMap<Long, Long> counts = histogram.exactCounts();
      long[] before = new long[k - 1];
      for (int j = 0; j < k - 1; j++) {
        double goal = cumulative[j] * n;
        long bestStart = 0;
        long bestBefore = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        long running = 0;
        long last = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
          double distance = Math.abs(running - goal);
          if (distance < bestDistance) {
            bestDistance = distance;
            bestStart = e.getKey();
            bestBefore = running;
          }
          running += e.getValue();
          last = e.getKey();
        }
        if (Math.abs(running - goal) < bestDistance) {
          bestStart = last + 1;
          bestBefore = running;
        }
        starts[j] = bestStart;
        before[j] = bestBefore;
      }
      long previous = 0;
      for (int i = 0; i < k; i++) {
        long upTo = i < k - 1 ? before[i] : n;
        realised[i] = (double) (upTo - previous) / n;
        previous = upTo;
      }
      return new TimeCutoffPlan(target, starts, true, 0, realised, n);
    }
    KllLongsSketch sketch = histogram.sketch();
    for (int j = 0; j < k - 1; j++) {
      starts[j] =
          cumulative[j] >= 1.0
              ? sketch.getMaxItem() + 1
              : sketch.getQuantile(cumulative[j], QuantileSearchCriteria.INCLUSIVE);
      if (j > 0 && starts[j] < starts[j - 1]) {
        starts[j] = starts[j - 1];
      }
    }
    double previous = 0;
    for (int i = 0; i < k; i++) {
      double upTo = i < k - 1 ? sketch.getRank(starts[i], QuantileSearchCriteria.EXCLUSIVE) : 1.0;
      realised[i] = upTo - previous;
      previous = upTo;
    }
    return new TimeCutoffPlan(target, starts, false, histogram.rankError(), realised, n);
  }
}
