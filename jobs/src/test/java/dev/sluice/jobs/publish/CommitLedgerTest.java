package dev.sluice.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.sink.ChannelCommittable;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import org.junit.jupiter.api.Test;

/** The publisher's book: a checkpoint counts only once all its committables are in. */
class CommitLedgerTest {
  private final Splitter splitter = ((UnplannedSpec) RandomSplitSpec.builder().build()).splitter();

  @Test
  void aCheckpointJoinsTheTotalsOnlyWhenEverySubtaskDeliveredWhatItAnnounced() {
    CommitLedger ledger = new CommitLedger();
    ledger.summary(1, 0, 2, 1);
    ledger.committable(1, tally(3));
    assertThat(ledger.absorbWholeCheckpoints()).as("subtask 1 has not reported").isFalse();
    assertThat(ledger.total()).isNull();

    ledger.summary(1, 1, 2, 1);
    assertThat(ledger.absorbWholeCheckpoints()).as("its committable is on the way").isFalse();
    ledger.committable(1, tally(4));

    assertThat(ledger.absorbWholeCheckpoints()).isTrue();
    assertThat(ledger.total().rowsRead()).isEqualTo(7);
  }

  @Test
  void laterCheckpointsAddUpAndTheEndOfInputTakesWhateverArrived() {
    CommitLedger ledger = new CommitLedger();
    ledger.summary(1, 0, 1, 1);
    ledger.committable(1, tally(2));
    ledger.absorbWholeCheckpoints();
    ledger.summary(2, 0, 1, 2);
    ledger.committable(2, tally(5));

    ledger.absorbAll();

    assertThat(ledger.total().rowsRead()).isEqualTo(7);
  }

  private ChannelCommittable tally(int rows) {
    RunTally tally = new RunTally(splitter.expectations());
    for (int i = 0; i < rows; i++) {
      tally.read();
    }
    return ChannelCommittable.ofAttachment(tally.toBytes());
  }
}
