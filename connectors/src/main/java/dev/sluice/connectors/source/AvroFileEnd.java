package dev.sluice.connectors.source;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Tells a complete Avro container file from a truncated one. Avro's {@code DataFileStream} treats
 * an end of input inside a block as the end of the file, so a cut-off file would read as a shorter
 * one. A complete file ends with the sync marker its header declares (after the header or after the
 * last block); this stream keeps the header's bytes and the last 16 bytes read, to compare them.
 */
final class AvroFileEnd extends FilterInputStream {

  private static final int SYNC_SIZE = 16;

  /** Header bytes kept: the header (magic, metadata with the schema, sync) is far smaller. */
  private static final int MAX_HEADER = 4 << 20;

  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private final byte[] tail = new byte[SYNC_SIZE];
  private long total;

  AvroFileEnd(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      keep(buffer, offset, n);
    }
    return n;
  }

  private void keep(byte[] buffer, int offset, int n) {
    if (head.size() < MAX_HEADER) {
      head.write(buffer, offset, Math.min(n, MAX_HEADER - head.size()));
    }
    if (n >= SYNC_SIZE) {
      System.arraycopy(buffer, offset + n - SYNC_SIZE, tail, 0, SYNC_SIZE);
    } else {
      System.arraycopy(tail, n, tail, 0, SYNC_SIZE - n);
      System.arraycopy(buffer, offset, tail, SYNC_SIZE - n, n);
    }
    total += n;
  }

  /** Whether everything read so far ends with the header's sync marker. */
  boolean endsWithSync() throws IOException {
    if (total < SYNC_SIZE) {
      return false;
    }
    byte[] bytes = head.toByteArray();
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
    decoder.skipFixed(4); // the magic "Obj\1"
    for (long n = decoder.readMapStart(); n != 0; n = decoder.mapNext()) {
      for (long i = 0; i < n; i++) {
        decoder.skipString();
        decoder.skipBytes();
      }
    }
    byte[] sync = new byte[SYNC_SIZE];
    decoder.readFixed(sync);
    return Arrays.equals(sync, tail);
  }
}
