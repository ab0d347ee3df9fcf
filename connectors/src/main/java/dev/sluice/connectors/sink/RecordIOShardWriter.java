package dev.sluice.connectors.sink;

import dev.sluice.connectors.recordio.RecordIOWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes one shard: each {@link ChannelRecord}'s payload in dmlc RecordIO framing, so every shard
 * is a stream of whole records that SageMaker's Pipe mode and dmlc's InputSplit read.
 *
 * <p>Records are framed into a buffer that reaches the part file in writes of about {@value
 * #BUFFER_BYTES} bytes. A local part file is an unbuffered file channel: written a record at a
 * time, each record cost a system call and a partly filled page, which was most of a run's system
 * time. The FileSink flushes and finishes the writer before it commits a shard (at the end of a
 * bounded run, and at every checkpoint, where {@link ShardRollingPolicy} rolls), so a committed
 * shard holds every record written to it and a failed one is never committed.
 *
 * <p>A shard's first record goes to the part file at once: the FileSink writes it without asking
 * the rolling policy, which reads its size from the part file when it first sees the shard.
 */
public final class RecordIOShardWriter implements BulkWriter<ChannelRecord> {

  /** Large enough to make system calls rare, small enough to keep many shards open. */
  static final int BUFFER_BYTES = 64 * 1024;

  private final FSDataOutputStream shard;
  private final FrameBuffer frames = new FrameBuffer(BUFFER_BYTES);
  private final RecordIOWriter writer = new RecordIOWriter(frames);

  RecordIOShardWriter(FSDataOutputStream shard) {
    this.shard = shard;
  }

  /** Opens a writer per shard, as the FileSink's bulk format asks. */
  public static BulkWriter.Factory<ChannelRecord> factory() {
    return new Factory();
  }

  @Override
  public void addElement(ChannelRecord record) throws IOException {
    // A record that may not fit goes after what is buffered; framing adds at most a header and
    // padding, unless it escapes magic words, when the buffer grows instead.
    if (frames.size > 0 && frames.size + record.length + 16 > BUFFER_BYTES) {
      drain();
    }
    writer.write(record.payload, 0, record.length);
    if (writer.records() == 1) {
      drain();
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    shard.flush();
  }

  @Override
  public void finish() throws IOException {
    // The FileSink closes the stream itself.
    flush();
  }

  private void drain() throws IOException {
    if (frames.size > 0) {
      shard.write(frames.bytes, 0, frames.size);
      frames.size = 0;
    }
  }

  private static final class Factory implements BulkWriter.Factory<ChannelRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public BulkWriter<ChannelRecord> create(FSDataOutputStream out) {
      return new RecordIOShardWriter(out);
    }
  }

  /** A growable byte buffer without the locking of {@link java.io.ByteArrayOutputStream}. */
  private static final class FrameBuffer extends OutputStream {
    byte[] bytes;
    int size;

    FrameBuffer(int capacity) {
      bytes = new byte[capacity];
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
      ensure(length);
      System.arraycopy(source, offset, bytes, size, length);
      size += length;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
