package dev.sluice.connectors.recordio;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads records framed by dmlc-core's RecordIO, as {@code dmlc::RecordIOReader::NextRecord} does,
 * but strictly: pieces of an escaped record (cflag 1, 2..., 3) are joined with the magic word put
 * back between them; files written the Python SDK way (always cflag 0, never escaped) read as they
 * are. Anything else, including truncation, a bad magic word, a cflag out of sequence or non-zero
 * padding, throws {@link RecordIOFormatException} naming the source, the byte offset and what was
 * expected.
 *
 * <p>A header only claims a length; the buffer grows as bytes actually arrive, so a corrupt header
 * claiming 500 MB on a short stream fails at its end without allocating 500 MB.
 *
 * <p>Usage: {@code while (reader.next()) use(reader.buffer(), reader.length());}. Not thread-safe.
 */
public final class RecordIOReader implements Closeable {
  /** Payload bytes read per step; the buffer never runs far ahead of the bytes received. */
  private static final int STEP = 64 * 1024;

  private final InputStream in;
  private final String source;
  private final byte[] header = new byte[8];
  private byte[] buffer = new byte[1024];
  private int length;
  private long position;
  private long recordOffset = -1;
  private long records;
  private long escapedRecords;

  /**
   * @param in the framed bytes; buffered here, closed by {@link #close()}
   * @param source the file or stream name, used in error messages
   */
  public RecordIOReader(InputStream in, String source) {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, STEP);
    this.source = source;
  }

  /** Reads the next record; false at a clean end of stream (between records). */
  public boolean next() throws IOException {
    long head = position;
    int size = 0;
    int pieces = 0;
    while (true) {
      long chunkOffset = position;
      int got = readFully(header, 0, 8);
      if (got == 0 && pieces == 0) {
        return false;
      }
      if (got < 8) {
        throw error(
            chunkOffset,
            pieces == 0
                ? "expected an 8-byte chunk header (magic word + length), found "
                    + got
                    + " bytes before the end of the stream"
                : "expected the next piece (cflag 2 or 3) of the escaped record that starts at"
                    + " byte offset "
                    + head
                    + ", found the end of the stream");
      }
      int magic = RecordIO.intLE(header, 0);
      if (magic != RecordIO.MAGIC) {
        throw error(
            chunkOffset, String.format("expected the magic word 0xCED7230A, found 0x%08X", magic));
      }
      int lrec = RecordIO.intLE(header, 4);
      int cflag = RecordIO.cflag(lrec);
      int len = RecordIO.length(lrec);
      checkSequence(chunkOffset, head, pieces, cflag, len);
      if ((long) size + len > RecordIO.MAX_RECORD_LENGTH) {
        throw error(
            chunkOffset,
            "the escaped record that starts at byte offset "
                + head
                + " grows beyond 2^29 - 1 bytes; expected its last piece (cflag 3) sooner");
      }
      readPayload(size, len, chunkOffset);
      size += len;
      readPadding(RecordIO.align4(len) - len);
      pieces++;
      if (cflag == RecordIO.CFLAG_WHOLE || cflag == RecordIO.CFLAG_LAST) {
        break;
      }
      ensureCapacity(size + 4);
      RecordIO.putIntLE(buffer, size, RecordIO.MAGIC); // the escaped magic word goes back
      size += 4;
    }
    length = size;
    recordOffset = head;
    records++;
    if (pieces > 1) {
      escapedRecords++;
    }
    return true;
  }

  private void checkSequence(long chunkOffset, long head, int pieces, int cflag, int len)
      throws RecordIOFormatException {
    boolean starts = cflag == RecordIO.CFLAG_WHOLE || cflag == RecordIO.CFLAG_FIRST;
    boolean continues = cflag == RecordIO.CFLAG_MIDDLE || cflag == RecordIO.CFLAG_LAST;
    if (pieces == 0 && !starts) {
      throw error(chunkOffset, "expected cflag 0 or 1 at the start of a record, found " + cflag);
    }
    if (pieces > 0 && !continues) {
      throw error(
          chunkOffset,
          "expected cflag 2 or 3 continuing the escaped record that starts at byte offset "
              + head
              + ", found "
              + cflag);
    }
    if ((cflag == RecordIO.CFLAG_FIRST || cflag == RecordIO.CFLAG_MIDDLE) && (len & 3) != 0) {
      throw error(
          chunkOffset,
          "expected a cflag " + cflag + " piece to be a multiple of 4 bytes long, found " + len);
    }
  }

  private void readPayload(int size, int len, long chunkOffset) throws IOException {
    int done = 0;
    while (done < len) {
      int step = Math.min(len - done, STEP);
      ensureCapacity(size + done + step);
      int got = readFully(buffer, size + done, step);
      done += got;
      if (got < step) {
        throw error(
            position,
            "expected "
                + len
                + " payload bytes for the chunk at byte offset "
                + chunkOffset
                + ", found only "
                + done
                + " before the end of the stream");
      }
    }
  }

  private void readPadding(int padding) throws IOException {
    long offset = position;
    if (readFully(header, 0, padding) < padding) {
      throw error(position, "expected " + padding + " zero padding bytes, found the end of stream");
    }
    for (int i = 0; i < padding; i++) {
      if (header[i] != 0) {
        throw error(
            offset + i, String.format("expected a zero padding byte, found 0x%02X", header[i]));
      }
    }
  }

  /** Reads up to {@code n} bytes, fewer only at the end of the stream. */
  private int readFully(byte[] into, int offset, int n) throws IOException {
    int done = 0;
    while (done < n) {
      int got = in.read(into, offset + done, n - done);
      if (got < 0) {
        break;
      }
      done += got;
      position += got;
    }
    return done;
  }

  private void ensureCapacity(int needed) {
    if (buffer.length < needed) {
      int doubled = (int) Math.min(2L * buffer.length, RecordIO.MAX_RECORD_LENGTH + 4L);
      buffer = Arrays.copyOf(buffer, Math.max(needed, doubled));
    }
  }

  private RecordIOFormatException error(long offset, String problem) {
    return new RecordIOFormatException(source, offset, problem);
  }

  /** The current record's bytes are {@code buffer()[0, length())}; valid until the next call. */
  public byte[] buffer() {
    return buffer;
  }

  /** The current record's length in bytes. */
  public int length() {
    return length;
  }

  /** A copy of the current record. */
  public byte[] record() {
    return Arrays.copyOf(buffer, length);
  }

  /** Byte offset of the current record's first chunk header. */
  public long recordOffset() {
    return recordOffset;
  }

  /** Bytes consumed from the stream so far. */
  public long position() {
    return position;
  }

  /** Records read so far. */
  public long records() {
    return records;
  }

  /** Records read so far that were escaped (written as several chunks). */
  public long escapedRecords() {
    return escapedRecords;
  }

  /** The name used in error messages. */
  public String source() {
    return source;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
