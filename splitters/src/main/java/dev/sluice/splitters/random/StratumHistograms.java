package dev.sluice.splitters.random;

import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitHash;
import dev.sluice.splitters.time.TimestampHistogram;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Planning accumulator of a stratified random split: per class ({@code split.stratify-by} value), a
 * histogram of the records' key hashes (the top 53 bits of {@code XXH64(key, seed)}). Exact up to
 * {@link #EXACT_LIMIT} distinct hashes per class, then a KLL sketch ({@link TimestampHistogram}
 * does both), so memory is bounded per class whatever the number of records. Records without a key
 * or class are not counted (the splitter rejects them).
 */
public final class StratumHistograms implements PlanningAccumulator {
  private static final long serialVersionUID = 1L;

  /** Distinct key hashes kept exactly per class before switching to a sketch. */
  public static final int EXACT_LIMIT = 200_000;

  private final long seed;
  private final HashMap<String, TimestampHistogram> byStratum = new HashMap<>();

  StratumHistograms(long seed) {
    this.seed = seed;
  }

  @Override
  public void add(SplitFields fields) {
    if (fields.key() == null || fields.stratum() == null) {
      return;
    }
    long position = SplitHash.hash(fields.key(), seed) >>> 11;
    byStratum
        .computeIfAbsent(
            fields.stratum(),
            s -> new TimestampHistogram(EXACT_LIMIT, TimestampHistogram.DEFAULT_SKETCH_K))
        .add(position, 1);
  }

  @Override
  public void merge(PlanningAccumulator other) {
    if (!(other instanceof StratumHistograms o)) {
      throw new IllegalArgumentException("cannot merge " + other + " into StratumHistograms");
    }
    o.byStratum.forEach(
        (s, h) ->
            byStratum
                .computeIfAbsent(
                    s,
                    x -> new TimestampHistogram(EXACT_LIMIT, TimestampHistogram.DEFAULT_SKETCH_K))
                .merge(h));
  }

  /** Class to its histogram of key-hash positions (read-only). */
  public Map<String, TimestampHistogram> byStratum() {
    return Collections.unmodifiableMap(byStratum);
  }
}
