package dev.sluice.jobs.publish;

import dev.sluice.connectors.sink.ChannelCommittable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableSummary;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The run's last step, inside the job graph at parallelism 1, after the channel sink's committer:
 * it receives every committed shard and every routing subtask's tally, checkpoint by checkpoint,
 * and publishes with {@link Publication}. A bounded run publishes once, at the end of its input; a
 * continuous run after each checkpoint whose commit it has seen whole.
 *
 * <p>Why an operator of its own after the committer, not {@code
 * StandardSinkTopologies.addGlobalCommitter}: a global committer is handed each checkpoint's
 * committables but keeps no state of its own, and the end of a bounded run is not a call it gets.
 * The publisher needs both: the running sums of a continuous run, checkpointed with the job (so
 * after a restore it goes on from the sums that belong to the restored shards, and the committer
 * replays exactly the commits that came after), and one moment at the end of the input where all
 * the figures are in and the run can be judged.
 *
 * <p>A run that fails its checks fails the job without restarts: its verdict would not change.
 */
public final class PublisherOperator extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<CommittableMessage<ChannelCommittable>, Void>,
        BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final PublishSettings run;

  private transient CommitLedger ledger;
  private transient ListState<byte[]> state;
  private transient Publication publication;

  public PublisherOperator(PublishSettings run) {
    this.run = run;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    state =
        context
            .getOperatorStateStore()
            .getListState(
                new ListStateDescriptor<>(
                    "sluice-publisher", BytePrimitiveArraySerializer.INSTANCE));
    ledger = new CommitLedger();
    for (byte[] bytes : state.get()) {
      ledger = fromBytes(bytes);
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    publication = new Publication(run, getRuntimeContext().getJobInfo().getJobId().toString());
  }

  @Override
  public void processElement(StreamRecord<CommittableMessage<ChannelCommittable>> element)
      throws Exception {
    CommittableMessage<ChannelCommittable> message = element.getValue();
    if (message instanceof CommittableSummary<ChannelCommittable> summary) {
      ledger.summary(
          summary.getCheckpointId(),
          summary.getSubtaskId(),
          summary.getNumberOfSubtasks(),
          summary.getNumberOfCommittables());
    } else if (message instanceof CommittableWithLineage<ChannelCommittable> committable) {
      ledger.committable(committable.getCheckpointId(), committable.getCommittable());
    }
    if (run.continuous() && ledger.absorbWholeCheckpoints() && ledger.total() != null) {
      judged(() -> publication.running(ledger.total(), ledger.shards(), Instant.now()));
    }
  }

  @Override
  public void endInput() throws Exception {
    ledger.absorbAll();
    if (ledger.total() == null) {
      throw new SuppressRestartsException(
          new RunFailedException("no counts reached the publisher; nothing was published"));
    }
    judged(() -> publication.complete(ledger.total(), ledger.shards(), Instant.now()));
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    state.update(List.of(toBytes(ledger)));
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void judged(Step step) throws IOException {
    try {
      step.run();
    } catch (RunFailedException verdict) {
      throw new SuppressRestartsException(verdict);
    }
  }

  private static byte[] toBytes(CommitLedger ledger) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ledger);
    }
    return bytes.toByteArray();
  }

  private static CommitLedger fromBytes(byte[] bytes) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (CommitLedger) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("the publisher's state is not of this Sluice version", e);
    }
  }
}
