package dev.sluice.splitters.time;

import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.SplitPlan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cut-offs computed from the timestamp distribution (time fractions mode), with how exact they are.
 * Made by {@link TimeFractionsPlanner}.
 */
public final class TimeCutoffPlan implements SplitPlan {
  private static final long serialVersionUID = 1L;

  private final ChannelFractions target;
  private final long[] starts;
  private final boolean exact;
  private final double rankError;
  private final double[] realised;
  private final long records;

  TimeCutoffPlan(
      ChannelFractions target,
      long[] starts,
      boolean exact,
      double rankError,
      double[] realised,
      long records) {
    this.target = target;
    this.starts = starts.clone();
    this.exact = exact;
    this.rankError = rankError;
    this.realised = realised.clone();
    this.records = records;
  }

  /** Requested fractions. */
  public ChannelFractions target() {
    return target;
  }

  /** Cut-offs (epoch millis) for channels 1..n-1. */
  public long[] starts() {
    return starts.clone();
  }

  /** Whether the cut-offs were computed from exact counts. */
  public boolean exact() {
    return exact;
  }

  /** Normalized rank error of the sketch; 0 when exact. */
  public double rankError() {
    return rankError;
  }

  /** Realised fractions before gap exclusions (exact, or estimated from the sketch). */
  public double[] realisedFractions() {
    return realised.clone();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mode", "time-fractions");
    d.put("records", records);
    Map<String, String> cutoffs = new LinkedHashMap<>();
    for (int i = 0; i < starts.length; i++) {
      cutoffs.put(
          target.channel(i + 1).name() + "-start", Instant.ofEpochMilli(starts[i]).toString());
    }
    d.put("cutoffs", cutoffs);
    d.put("requested", target.asMap());
    Map<String, Double> r = new LinkedHashMap<>();
    for (int i = 0; i < realised.length; i++) {
      r.put(target.channel(i).name(), realised[i]);
    }
    d.put(exact ? "realised" : "realisedEstimate", r);
    d.put("method", exact ? "exact" : "kll-sketch");
    if (!exact) {
      d.put(
          "error_bound",
          "each cut-off's rank is within ±"
              + rankError
              + " of its target (99 % confidence, DataSketches KLL normalized rank error)");
    }
    d.put("tie_rule", "records at a cut-off timestamp go to the later channel");
    return d;
  }
}
