package dev.sluice.jobs.publish;

import dev.sluice.connectors.sink.ChannelCommittable;
import dev.sluice.connectors.sink.CommittedShard;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The publisher's book of what was committed: the shards and tallies of every checkpoint whose
 * commit it has seen whole, summed, and those of checkpoints still arriving.
 *
 * <p>A checkpoint's committables arrive from every committer subtask: first a summary saying how
 * many follow, then the committables. The checkpoint is whole once every subtask's summary and all
 * the committables they announced are in; only then do its shards and tallies join the totals, so
 * the totals always describe whole checkpoints.
 */
final class CommitLedger implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LinkedHashSet<CommittedShard> shards = new LinkedHashSet<>();
  private RunTally total;
  private final TreeMap<Long, Checkpoint> arriving = new TreeMap<>();

  /** A committer subtask announces {@code committables} of {@code checkpoint}. */
  void summary(long checkpoint, int subtask, int subtasks, int committables) {
    Checkpoint pending = arriving.computeIfAbsent(checkpoint, id -> new Checkpoint());
    pending.subtasks = subtasks;
    pending.announced.put(subtask, committables);
  }

  /** One committed shard or attachment of {@code checkpoint}. */
  void committable(long checkpoint, ChannelCommittable committable) {
    Checkpoint pending = arriving.computeIfAbsent(checkpoint, id -> new Checkpoint());
    pending.received++;
    committable.shard().ifPresent(pending.shards::add);
    committable
        .attachment()
        .ifPresent(
            bytes -> {
              RunTally tally = RunTally.fromBytes(bytes);
              pending.tally = pending.tally == null ? tally : pending.tally.merge(tally);
            });
  }

  /** Moves every whole checkpoint into the totals; whether there was one. */
  boolean absorbWholeCheckpoints() {
    boolean any = false;
    for (Iterator<Checkpoint> it = arriving.values().iterator(); it.hasNext(); ) {
      Checkpoint pending = it.next();
      if (pending.isWhole()) {
        absorb(pending);
        it.remove();
        any = true;
      }
    }
    return any;
  }

  /** At the end of the input nothing more arrives: everything joins the totals. */
  void absorbAll() {
    arriving.values().forEach(this::absorb);
    arriving.clear();
  }

  private void absorb(Checkpoint checkpoint) {
    shards.addAll(checkpoint.shards);
    if (checkpoint.tally != null) {
      total = total == null ? checkpoint.tally : total.merge(checkpoint.tally);
    }
  }

  /** The sum of the tallies of whole checkpoints; null before the first. */
  RunTally total() {
    return total;
  }

  List<CommittedShard> shards() {
    return new ArrayList<>(shards);
  }

  private static final class Checkpoint implements Serializable {
    private static final long serialVersionUID = 1L;

    int subtasks = -1;
    final Map<Integer, Integer> announced = new HashMap<>();
    int received;
    final List<CommittedShard> shards = new ArrayList<>();
    RunTally tally;

    boolean isWhole() {
      return announced.size() == subtasks
          && received == announced.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
