package dev.sluice.connectors.recordio;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes records with dmlc-core's RecordIO framing, byte for byte as {@code
 * dmlc::RecordIOWriter::WriteRecord} does: an 8-byte little-endian header (magic, lrec), the
 * payload, zero padding to a multiple of 4. A payload holding the magic word at a 4-byte-aligned
 * offset is cut there and the magic dropped (cflag 1 first piece, 2 middle, 3 last), so that dmlc's
 * splitting reader, which re-synchronises on aligned magic words, never lands inside a record.
 *
 * <p>Not thread-safe. Does not close or buffer the stream it writes to.
 */
public final class RecordIOWriter implements Flushable {
  private static final byte[] PADDING = new byte[3];

  private final OutputStream out;
  private final byte[] header = new byte[8];
  private long records;
  private long escapedRecords;
  private long bytes;

  public RecordIOWriter(OutputStream out) {
    this.out = out;
  }

  /** Frames one record. */
  public void write(byte[] payload) throws IOException {
    write(payload, 0, payload.length);
  }

  /** Frames {@code payload[offset, offset + length)} as one record. */
  public void write(byte[] payload, int offset, int length) throws IOException {
    int escapes = writeRecord(out, payload, offset, length, header);
    records++;
    bytes += framedLength(length, escapes);
    if (escapes > 0) {
      escapedRecords++;
    }
  }

  /**
   * Frames one record onto {@code out}, for callers that own no writer. (The channel sink owns one
   * per shard, in {@code RecordIOShardWriter}, over a buffer.)
   *
   * @return how many aligned magic words were escaped (0 for the usual single chunk)
   */
  public static int writeRecord(OutputStream out, byte[] payload, int offset, int length)
      throws IOException {
    return writeRecord(out, payload, offset, length, new byte[8]);
  }

  private static int writeRecord(
      OutputStream out, byte[] payload, int offset, int length, byte[] header) throws IOException {
    if (length > RecordIO.MAX_RECORD_LENGTH) {
      throw new IllegalArgumentException(
          "a RecordIO record holds at most "
              + RecordIO.MAX_RECORD_LENGTH
              + " bytes (2^29 - 1, dmlc-core's 29-bit length field), but this one has "
              + length
              + "; split the record or shrink its features");
    }
    int lowerAlign = length & ~3;
    int done = 0; // payload bytes [0, done) are written, or dropped as escaped magic words
    int escapes = 0;
    for (int i = 0; i < lowerAlign; i += 4) {
      if (RecordIO.intLE(payload, offset + i) == RecordIO.MAGIC) {
        int cflag = done == 0 ? RecordIO.CFLAG_FIRST : RecordIO.CFLAG_MIDDLE;
        writeChunk(out, header, cflag, payload, offset + done, i - done);
        done = i + 4;
        escapes++;
      }
    }
    int cflag = done == 0 ? RecordIO.CFLAG_WHOLE : RecordIO.CFLAG_LAST;
    writeChunk(out, header, cflag, payload, offset + done, length - done);
    // Pieces before the last end at aligned offsets, so only the last needs padding.
    int padding = RecordIO.align4(length) - length;
    if (padding > 0) {
      out.write(PADDING, 0, padding);
    }
    return escapes;
  }

  private static void writeChunk(
      OutputStream out, byte[] header, int cflag, byte[] payload, int offset, int length)
      throws IOException {
    RecordIO.putIntLE(header, 0, RecordIO.MAGIC);
    RecordIO.putIntLE(header, 4, RecordIO.encodeLrec(cflag, length));
    out.write(header, 0, 8);
    if (length > 0) {
      out.write(payload, offset, length);
    }
  }

  /**
   * The bytes {@link #write} puts on the stream for {@code payload[offset, offset + length)}: the
   * header, the payload padded to a multiple of 4, and a header more per escaped magic word.
   */
  public static long framedLength(byte[] payload, int offset, int length) {
    int escapes = 0;
    int lowerAlign = length & ~3;
    for (int i = 0; i < lowerAlign; i += 4) {
      if (RecordIO.intLE(payload, offset + i) == RecordIO.MAGIC) {
        escapes++;
      }
    }
    return framedLength(length, escapes);
  }

  /** The bytes a record of {@code length} takes on disk when {@code escapes} magics were cut. */
  static long framedLength(int length, int escapes) {
    // Each escape drops 4 payload bytes and adds an 8-byte header.
    return 8L + RecordIO.align4(length) + 4L * escapes;
  }

  /** Records written so far. */
  public long records() {
    return records;
  }

  /** Records that needed escaping (more than one chunk). */
  public long escapedRecords() {
    return escapedRecords;
  }

  /** Bytes written so far. */
  public long bytes() {
    return bytes;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
