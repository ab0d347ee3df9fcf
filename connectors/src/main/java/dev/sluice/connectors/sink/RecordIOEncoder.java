package dev.sluice.connectors.sink;

import dev.sluice.connectors.recordio.RecordIOWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * Writes each {@link ChannelRecord}'s payload to a shard in dmlc RecordIO framing, so every shard
 * is a stream of whole records that SageMaker's Pipe mode and dmlc's InputSplit read.
 *
 * <p>A record is framed into a reused buffer first and handed to the shard's stream in one write: a
 * local part file is an unbuffered file stream, and three small writes per record would be three
 * system calls.
 */
public final class RecordIOEncoder implements Encoder<ChannelRecord> {
  private static final long serialVersionUID = 1L;

  private transient FrameBuffer frame;

  @Override
  public void encode(ChannelRecord record, OutputStream shard) throws IOException {
    if (frame == null) {
      frame = new FrameBuffer();
    }
    frame.reset();
    RecordIOWriter.writeRecord(frame, record.payload, 0, record.length);
    shard.write(frame.bytes, 0, frame.size);
  }

  /** A growable byte buffer without the locking of {@link java.io.ByteArrayOutputStream}. */
  private static final class FrameBuffer extends OutputStream {
    byte[] bytes = new byte[1024];
    int size;

    void reset() {
      size = 0;
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
