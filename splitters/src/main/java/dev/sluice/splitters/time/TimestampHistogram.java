package dev.sluice.splitters.time;

import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitFields;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Planning accumulator for time fractions: the distribution of event timestamps.
 *
 * <p>Exact (one counter per distinct timestamp) while there are at most {@code exactLimit} distinct
 * timestamps, which covers daily or hourly data of any size (a century of hourly data is under
 * 900,000 distinct values). Beyond that it switches, for good, to an Apache DataSketches KLL sketch
 * with parameter {@code k}; its normalized rank error ({@link #rankError()}) is stated in the plan.
 * Merging is order-independent: two exact histograms merge exactly if the union still fits,
 * otherwise both sides go into a sketch.
 *
 * <p>Memory: at most {@code exactLimit} map entries, or O(k log n) longs for the sketch.
 */
public final class TimestampHistogram implements PlanningAccumulator {
  private static final long serialVersionUID = 1L;

  /** Default bound on distinct timestamps kept exactly. */
  public static final int DEFAULT_EXACT_LIMIT = 1_000_000;

  /** Default KLL k: about 0.33 % normalized rank error (single quantile, 99 % confidence). */
  public static final int DEFAULT_SKETCH_K = 1000;

  private final int exactLimit;
  private final int sketchK;
  private HashMap<Long, Long> exact = new HashMap<>();
  private transient KllLongsSketch sketch;
  private long records;
  private long recordsWithoutTimestamp;

  /** A histogram with the default limits. */
  public TimestampHistogram() {
    this(DEFAULT_EXACT_LIMIT, DEFAULT_SKETCH_K);
  }

  /** A histogram keeping up to {@code exactLimit} distinct timestamps exactly. */
  public TimestampHistogram(int exactLimit, int sketchK) {
    if (exactLimit < 1 || sketchK < 8 || sketchK > 65535) {
      throw new IllegalArgumentException("exactLimit >= 1 and 8 <= sketchK <= 65535");
    }
    this.exactLimit = exactLimit;
    this.sketchK = sketchK;
  }

  @Override
  public void add(SplitFields fields) {
    if (fields.hasTimestamp()) {
      add(fields.timestampMillis(), 1);
    } else {
      recordsWithoutTimestamp++;
    }
  }

  /** Adds {@code count} records at {@code epochMillis}. */
  public void add(long epochMillis, long count) {
    records += count;
    if (exact != null) {
      exact.merge(epochMillis, count, Long::sum);
      if (exact.size() > exactLimit) {
        toSketch();
      }
    } else {
      sketch.update(epochMillis, count);
    }
  }

  private void toSketch() {
    sketch = KllLongsSketch.newHeapInstance(sketchK);
    for (Map.Entry<Long, Long> e : exact.entrySet()) {
      sketch.update(e.getKey(), e.getValue());
    }
    exact = null;
  }

  @Override
  public void merge(PlanningAccumulator other) {
    if (!(other instanceof TimestampHistogram o)) {
      throw new IllegalArgumentException(
          "cannot merge " + other.getClass() + " into TimestampHistogram");
    }
    records += o.records;
    recordsWithoutTimestamp += o.recordsWithoutTimestamp;
    if (exact != null && o.exact != null) {
      o.exact.forEach((t, c) -> exact.merge(t, c, Long::sum));
      if (exact.size() > exactLimit) {
        toSketch();
      }
      return;
    }
    if (exact != null) {
      toSketch();
    }
    if (o.exact != null) {
      o.exact.forEach((t, c) -> sketch.update(t, c));
    } else {
      sketch.merge(o.sketch);
    }
  }

  /** True while every distinct timestamp is counted exactly. */
  public boolean isExact() {
    return exact != null;
  }

  /** Records with a timestamp. */
  public long records() {
    return records;
  }

  /** Records without a timestamp (the time strategy rejects them). */
  public long recordsWithoutTimestamp() {
    return recordsWithoutTimestamp;
  }

  /** Normalized rank error of the sketch (0 when exact). */
  public double rankError() {
    return exact != null ? 0.0 : sketch.getNormalizedRankError(false);
  }

  /** Timestamp to count, sorted; only when {@link #isExact()}. */
  public TreeMap<Long, Long> exactCounts() {
    if (exact == null) {
      throw new IllegalStateException("histogram has switched to a sketch");
    }
    return new TreeMap<>(exact);
  }

  /** The sketch; only when not {@link #isExact()}. */
  KllLongsSketch sketch() {
    return sketch;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    byte[] bytes = sketch == null ? null : sketch.toByteArray();
    out.writeObject(bytes);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    byte[] bytes = (byte[]) in.readObject();
    sketch = bytes == null ? null : KllLongsSketch.heapify(Memory.wrap(bytes));
  }
}
