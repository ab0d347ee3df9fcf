package dev.sluice.splitters.audit;

import dev.sluice.splitters.SplitKeys;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.group.BalancedGroupSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.group.StratifiedGroupSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-run checks on what the channels received, beside the leakage audit: a split can pass
 * the audit and still be useless.
 *
 * <ul>
 *   <li><b>Failures</b>: no rows read at all (an empty input is an error, not a complete run of
 *       nothing); a channel that should receive records (a requested fraction above 0, or for a
 *       domain split a positive fraction in the route of a domain present in the data) but ended
 *       empty, unless {@code split.allow-empty-channels} is true.
 *   <li><b>Warnings</b>: a realised fraction far from the requested one: beyond {@code
 *       split.group.tolerance} for planned group splits; beyond five binomial standard deviations
 *       for hash modes ({@code 5 √(p(1−p)/n)} with n the records, or the distinct groups when whole
 *       groups are hashed); a class of {@code split.stratify-by} with fewer records than channels.
 * </ul>
 *
 * <p>Pure functions of the audit report and the configuration, so they run wherever the run's end
 * is decided.
 */
public final class ChannelChecks implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Standard deviations beyond which a hashed channel's share is reported. */
  static final double SIGMAS = 5.0;

  private enum Bound {
    RECORDS,
    GROUPS,
    TOLERANCE,
    NONE
  }

  private final Bound bound;
  private final double tolerance;
  private final boolean allowEmptyChannels;

  private ChannelChecks(Bound bound, double tolerance, boolean allowEmptyChannels) {
    this.bound = bound;
    this.tolerance = tolerance;
    this.allowEmptyChannels = allowEmptyChannels;
  }

  /**
   * The checks for {@code spec}; {@code allowEmptyChannels} is {@code split.allow-empty-channels}.
   */
  public static ChannelChecks of(SplitSpec spec, boolean allowEmptyChannels) {
    if (spec instanceof RandomSplitSpec) {
      return new ChannelChecks(Bound.RECORDS, 0, allowEmptyChannels);
    }
    if (spec instanceof GroupSplitSpec) {
      return new ChannelChecks(Bound.GROUPS, 0, allowEmptyChannels);
    }
    if (spec instanceof BalancedGroupSpec b) {
      return new ChannelChecks(Bound.TOLERANCE, b.tolerance(), allowEmptyChannels);
    }
    if (spec instanceof StratifiedGroupSpec s) {
      return new ChannelChecks(Bound.TOLERANCE, s.tolerance(), allowEmptyChannels);
    }
    // Stratified random and time fractions are exact to a record or a timestamp (their plans state
    // the bound); cut-offs and domain routes request no overall fractions.
    return new ChannelChecks(Bound.NONE, 0, allowEmptyChannels);
  }

  /** What must fail the run, one sentence each; empty when the channels are usable. */
  public List<String> failures(AuditReport audit, long rowsRead) {
    List<String> failures = new ArrayList<>();
    if (rowsRead == 0) {
      failures.add(
          "the input holds no rows: source.path has objects, but none has a data row; an empty"
              + " input is an error, not a complete run of nothing");
      return failures;
    }
    if (allowEmptyChannels) {
      return failures;
    }
    for (AuditReport.ChannelFigures c : audit.channels()) {
      if (c.records() > 0) {
        continue;
      }
      String wanted = wanted(audit, c);
      if (wanted != null) {
        failures.add(
            "channel "
                + c.channel()
                + " is empty although "
                + wanted
                + "; a training job cannot read it. Check the split (see the report's plan and"
                + " domains), or set "
                + SplitKeys.ALLOW_EMPTY_CHANNELS
                + " true if an empty channel is intended");
      }
    }
    return failures;
  }

  // Why the channel should have records, or null when nothing asked for any.
  private static String wanted(AuditReport audit, AuditReport.ChannelFigures c) {
    if (c.requested() != null) {
      return c.requested() > 0 ? "its requested fraction is " + c.requested() : null;
    }
    if (audit.domains().isEmpty()) {
      return "its time range has a cut-off of its own (split.time.<channel>-start)";
    }
    for (AuditReport.DomainFigures d : audit.domains()) {
      long domainRecords = d.recordsPerChannel().values().stream().mapToLong(Long::longValue).sum();
      Double f = d.requested() == null ? null : d.requested().get(c.channel());
      if (domainRecords > 0 && f != null && f > 0) {
        return "the route of domain '" + d.domain() + "' gives it " + f;
      }
    }
    return null;
  }

  /** What the report and the console should say, one sentence each. */
  public List<String> warnings(AuditReport audit) {
    List<String> warnings = new ArrayList<>();
    long groups = 0;
    for (AuditReport.ChannelFigures c : audit.channels()) {
      groups += c.distinctGroups();
    }
    long n = bound == Bound.GROUPS ? groups : audit.assignedRecords();
    for (AuditReport.ChannelFigures c : audit.channels()) {
      if (c.requested() == null || audit.assignedRecords() == 0 || bound == Bound.NONE) {
        continue;
      }
      double p = c.requested();
      double allowed =
          bound == Bound.TOLERANCE ? tolerance : SIGMAS * Math.sqrt(p * (1 - p) / Math.max(1, n));
      double off = Math.abs(c.realised() - p);
      if (off > allowed + 1e-12) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "channel %s received %.4f of the records against %s requested, off by more than"
                    + " %s (%.4f)",
                c.channel(),
                c.realised(),
                p,
                bound == Bound.TOLERANCE
                    ? SplitKeys.GROUP_TOLERANCE
                    : "five binomial standard deviations over "
                        + n
                        + (bound == Bound.GROUPS ? " groups" : " records"),
                allowed));
      }
    }
    int channels = audit.channels().size();
    for (Map.Entry<String, Map<String, Long>> e : audit.classesPerChannel().entrySet()) {
      long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      long present = e.getValue().values().stream().filter(x -> x > 0).count();
      if (total < channels) {
        warnings.add(
            SplitKeys.STRATIFY_BY
                + ": class '"
                + e.getKey()
                + "' has "
                + total
                + " record(s), fewer than the "
                + channels
                + " channels, so it cannot be in every channel; it is in "
                + present
                + " of them ("
                + e.getValue()
                + ")");
      }
    }
    return warnings;
  }
}
