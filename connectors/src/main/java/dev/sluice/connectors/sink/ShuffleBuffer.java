package dev.sluice.connectors.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The shuffle of a continuous run, where no sort can wait for the end of the input: each channel
 * keeps up to {@code capacity} records; once full, each new record takes the place of one that
 * leaves, the place chosen by the new record's {@link ChannelRecord#order}. Memory is bounded by
 * the capacity; a record travels at most about that far from its input position, which breaks runs
 * of equal labels shorter than the capacity (a full shuffle needs the bounded run's sort).
 *
 * <p>The buffer is emptied, in hash order, before every checkpoint barrier and at the end of input,
 * so it holds no state: every record before a barrier is in the shards that checkpoint commits.
 */
public final class ShuffleBuffer extends AbstractStreamOperator<ChannelRecord>
    implements OneInputStreamOperator<ChannelRecord, ChannelRecord> {
  private static final long serialVersionUID = 1L;

  private final int capacity;

  private transient Slots slots;
  private transient StreamRecord<ChannelRecord> outgoing;
  private transient Consumer<ChannelRecord> emit;

  public ShuffleBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the shuffle buffer holds at least 1 record");
    }
    this.capacity = capacity;
  }

  @Override
  public void open() throws Exception {
    super.open();
    slots = new Slots(capacity);
    outgoing = new StreamRecord<>(null);
    emit = record -> output.collect(outgoing.replace(record));
  }

  @Override
  public void processElement(StreamRecord<ChannelRecord> element) {
    slots.offer(element.getValue(), emit);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    slots.drain(emit);
  }

  @Override
  public void finish() throws Exception {
    slots.drain(emit);
    super.finish();
  }

  /**
   * The buffers of every channel, without Flink. A record handed to {@code emit} is valid until
   * {@code emit} returns: the writer copies its bytes, and its holder is then reused.
   */
  static final class Slots {
    private static final Comparator<ChannelRecord> BY_ORDER =
        Comparator.comparingLong(record -> record.order);

    private final int capacity;
    private final Map<String, List<ChannelRecord>> channels = new HashMap<>();

    Slots(int capacity) {
      this.capacity = capacity;
    }

    void offer(ChannelRecord record, Consumer<ChannelRecord> emit) {
      if (record.isAttachment()) {
        // Figures about records, for after the commit; held records still precede the barrier.
        emit.accept(record);
        return;
      }
      List<ChannelRecord> held =
          channels.computeIfAbsent(
              record.bucket, bucket -> new ArrayList<>(Math.min(capacity, 1024)));
      if (held.size() < capacity) {
        held.add(copy(record, new ChannelRecord()));
        return;
      }
      ChannelRecord leaving = held.get((int) Long.remainderUnsigned(record.order, capacity));
      emit.accept(leaving);
      copy(record, leaving);
    }

    /** Empties every channel in the order of its records' hashes, so a part-filled one mixes. */
    void drain(Consumer<ChannelRecord> emit) {
      for (List<ChannelRecord> held : channels.values()) {
        held.sort(BY_ORDER);
        held.forEach(emit);
        held.clear();
      }
    }

    /** Copies the record into {@code into}, reusing its payload array when large enough. */
    private static ChannelRecord copy(ChannelRecord record, ChannelRecord into) {
      if (into.payload == null || into.payload.length < record.length) {
        into.payload = new byte[record.length];
      }
      System.arraycopy(record.payload, 0, into.payload, 0, record.length);
      into.length = record.length;
      into.bucket = record.bucket;
      into.order = record.order;
      return into;
    }
  }
}
