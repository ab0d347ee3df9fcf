package dev.sluice.connectors.sink;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code sink.shuffle}: records within each channel ordered by {@link ChannelRecord#order}, a
 * seeded hash of their uid, so that input sorted by label, or by time, reaches the algorithm mixed.
 *
 * <p>Bounded runs get a full shuffle: the records are keyed by their hash and Flink's BATCH mode
 * sorts keyed input before the keyed operator sees it, in managed memory that spills to disk, so
 * memory stays bounded however large a channel is. The key also spreads each channel over every
 * writer independently of which reader read what, so the same input, configuration and seed give
 * the same shards, byte for byte, at the same parallelism. Records with the same uid are ordered by
 * their bytes, so that even duplicates land the same way.
 *
 * <p>Continuous runs get a {@link ShuffleBuffer} of bounded size instead.
 */
public final class ChannelShuffle implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int SORTED = -1;
  private static final int NONE = 0;

  /** {@link #SORTED}, {@link #NONE}, or the capacity of a shuffle buffer. */
  private final int mode;

  private ChannelShuffle(int mode) {
    this.mode = mode;
  }

  /** Records are written in the order they arrive. */
  public static ChannelShuffle none() {
    return new ChannelShuffle(NONE);
  }

  /** The full shuffle of a bounded run; the job must run in BATCH mode for the sort. */
  public static ChannelShuffle sorted() {
    return new ChannelShuffle(SORTED);
  }

  /** The bounded shuffle buffer of a continuous run, {@code capacity} records per channel. */
  public static ChannelShuffle buffered(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a shuffle buffer holds at least 1 record");
    }
    return new ChannelShuffle(capacity);
  }

  /** The records in their shuffled order, ready for the writers. */
  public DataStream<ChannelRecord> addTo(DataStream<ChannelRecord> records) {
    if (mode == NONE) {
      return records;
    }
    if (mode == SORTED) {
      return records
          .map(new Detach())
          .name("records off the reused buffer")
          .uid("shuffle-detach")
          .keyBy(new HashKey(), HashKey.TYPE)
          .map(new Pass())
          .name("shuffle: sorted by seeded hash")
          .uid("shuffle-sorted");
    }
    return records
        .transform(
            "shuffle buffer", TypeInformation.of(ChannelRecord.class), new ShuffleBuffer(mode))
        .uid("shuffle-buffer");
  }

  @Override
  public String toString() {
    return mode == NONE ? "none" : mode == SORTED ? "sorted" : "buffered(" + mode + ")";
  }

  /**
   * The router hands on one reused record and buffer; before the records travel to the sort each
   * gets its own payload, exactly as long as its bytes (the serializer writes the whole array).
   */
  private static final class Detach implements MapFunction<ChannelRecord, ChannelRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public ChannelRecord map(ChannelRecord record) {
      ChannelRecord detached =
          new ChannelRecord(
              record.bucket, Arrays.copyOf(record.payload, record.length), record.length);
      detached.order = record.order;
      return detached;
    }
  }

  /** The sort key: the record's hash, then its bytes' hash for records that share a uid. */
  private static final class HashKey implements KeySelector<ChannelRecord, Tuple2<Long, Long>> {
    private static final long serialVersionUID = 1L;
    static final TypeInformation<Tuple2<Long, Long>> TYPE = Types.TUPLE(Types.LONG, Types.LONG);

    @Override
    public Tuple2<Long, Long> getKey(ChannelRecord record) {
      return Tuple2.of(record.order, ShuffleOrder.ofPayload(record.payload, record.length));
    }
  }

  /** The keyed step the BATCH sort feeds; the records leave in key order. */
  private static final class Pass implements MapFunction<ChannelRecord, ChannelRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public ChannelRecord map(ChannelRecord record) {
      return record;
    }
  }
}
