package dev.sluice.jobs.publish;

import dev.sluice.connectors.sink.ChannelStatistics;
import dev.sluice.splitters.SplitExpectations;
import dev.sluice.splitters.audit.LeakageAuditor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the routing step counted over some rows: rows read and rejected (by reason), and the leakage
 * auditor that saw every assignment. Each routing subtask sends one at every checkpoint (the rows
 * since the last) and one at the end of its input; they travel to the publisher with the shards of
 * the same checkpoint (as {@code ChannelSink} attachments), so the publisher's sum describes
 * exactly what is committed, also after a failure and a replay.
 */
public final class RunTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private long rowsRead;
  private long rowsRejected;
  private final TreeMap<String, Long> rejectedByReason = new TreeMap<>();
  private final LeakageAuditor auditor;
  private final TreeMap<String, ChannelStatistics> statistics = new TreeMap<>();
  private String planJson;
  private java.util.List<String> planWarnings = java.util.List.of();

  public RunTally(SplitExpectations expectations) {
    this.auditor = new LeakageAuditor(expectations);
  }

  public void read() {
    rowsRead++;
  }

  public void rejected(String reason) {
    rowsRejected++;
    rejectedByReason.merge(reason, 1L, Long::sum);
  }

  /** The plan the split was routed by, when it was planned inside the job. */
  public void plan(String json, java.util.List<String> warnings) {
    this.planJson = json;
    this.planWarnings = java.util.List.copyOf(warnings);
  }

  /** The plan as JSON; null when the split needed none. */
  public String planJson() {
    return planJson;
  }

  public java.util.List<String> planWarnings() {
    return planWarnings;
  }

  /** The figures of one channel's records, which the routing step adds every record to. */
  public ChannelStatistics statistics(String channel) {
    return statistics.computeIfAbsent(channel, c -> new ChannelStatistics());
  }

  /** The auditor the routing step records every assignment into. */
  public LeakageAuditor auditor() {
    return auditor;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsRejected() {
    return rowsRejected;
  }

  public Map<String, Long> rejectedByReason() {
    return rejectedByReason;
  }

  public boolean isEmpty() {
    return rowsRead == 0;
  }

  /** Adds {@code other}'s rows to this tally. */
  public RunTally merge(RunTally other) {
    rowsRead += other.rowsRead;
    rowsRejected += other.rowsRejected;
    other.rejectedByReason.forEach((reason, n) -> rejectedByReason.merge(reason, n, Long::sum));
    auditor.merge(other.auditor);
    other.statistics.forEach((channel, figures) -> statistics(channel).merge(figures));
    if (planJson == null) {
      planJson = other.planJson;
      planWarnings = other.planWarnings;
    }
    return this;
  }

  /** The run's counts as the report shows them. */
  public RunCounts counts() {
    Map<String, ChannelStatistics> figures = new TreeMap<>();
    statistics.forEach((channel, s) -> figures.put(channel, s.copy()));
    return new RunCounts(
        rowsRead, rowsRejected, new TreeMap<>(rejectedByReason), auditor.report(), figures);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(this);
    } catch (IOException e) {
      throw new UncheckedIOException("a tally cannot be serialised", e);
    }
    return bytes.toByteArray();
  }

  public static RunTally fromBytes(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (RunTally) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("not a tally of this Sluice version", e);
    }
  }
}
