package dev.sluice.connectors.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines ending in {@code \n} or {@code \r\n} from a stream. A lone {@code \r} is kept
 * as data (unlike {@link java.io.BufferedReader}), and a UTF-8 byte order mark at the very start of
 * an object is dropped. Decoding works on bytes, so a line costs one {@code String} and nothing
 * else. Bytes that are not UTF-8 are flagged ({@link #lastLineInvalidUtf8()}), never silently
 * replaced.
 *
 * <p>The reader knows the object offset of every line it returns ({@link #position()} before the
 * call), which is what lets a byte range of an object own exactly the lines that start in it.
 */
final class LineReader implements AutoCloseable {

  private static final int INITIAL_BUFFER = 64 * 1024;

  private final InputStream in;
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int start;
  private int end;
  private boolean eof;
  private boolean first;
  private boolean lastInvalid;

  /** The object offset of {@code buf[0]}. */
  private long bufferOffset;

  /** Reads an object from its start. */
  LineReader(InputStream in) {
    this(in, 0);
  }

  /**
   * Reads a stream positioned at {@code offset} of its object. The byte order mark is only looked
   * for at offset 0.
   */
  LineReader(InputStream in, long offset) {
    this.in = in;
    this.bufferOffset = offset;
    this.first = offset == 0;
  }

  /** The object offset of the next line's first byte (the end of the object at its end). */
  long position() {
    return bufferOffset + start;
  }

  /** The next line without its terminator, or {@code null} at the end of the stream. */
  String readLine() throws IOException {
    int newline = findNewline();
    if (newline < 0) {
      if (start < end) {
        int lineEnd = buf[end - 1] == '\r' ? end - 1 : end;
        String line = decode(start, lineEnd);
        start = end;
        return line;
      }
      return null;
    }
    int lineEnd = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
    String line = decode(start, lineEnd);
    start = newline + 1;
    return line;
  }

  /**
   * Skips to the first byte after the next {@code \n} (or to the end), without decoding. A reader
   * positioned one byte before a range's start thereby lands on the first line starting in it.
   */
  void skipLine() throws IOException {
    int newline = findNewline();
    start = newline < 0 ? end : newline + 1;
    first = false;
  }

  /** The buffer index of the next {@code \n}, filling as needed; -1 at the end of the stream. */
  private int findNewline() throws IOException {
    int scanFrom = start;
    while (true) {
      byte[] b = buf;
      for (int i = scanFrom; i < end; i++) {
        if (b[i] == '\n') {
          return i;
        }
      }
      if (eof) {
        return -1;
      }
      int scanned = end - start;
      fill();
      scanFrom = start + scanned;
    }
  }

  private String decode(int from, int to) {
    if (first) {
      first = false;
      // A UTF-8 byte order mark is not part of the first field.
      if (to - from >= 3
          && buf[from] == (byte) 0xEF
          && buf[from + 1] == (byte) 0xBB
          && buf[from + 2] == (byte) 0xBF) {
        from += 3;
      }
    }
    String line = new String(buf, from, to - from, StandardCharsets.UTF_8);
    // The decoder replaces bytes that are not UTF-8 with U+FFFD. Looking for it is free for the
    // usual Latin-1-only line (a compact String cannot hold it); only then are the bytes compared.
    lastInvalid = line.indexOf('\uFFFD') >= 0 && !encodes(line, from, to);
    return line;
  }

  /** Whether the bytes are the UTF-8 encoding of the line (false when decoding replaced any). */
  private boolean encodes(String line, int from, int to) {
    byte[] again = line.getBytes(StandardCharsets.UTF_8);
    return Arrays.equals(again, 0, again.length, buf, from, to);
  }

  /**
   * Whether the line {@link #readLine()} returned last is not valid UTF-8 (its text then holds
   * U+FFFD where the bad bytes were): such a row must be rejected, never merged with another.
   */
  boolean lastLineInvalidUtf8() {
    return lastInvalid;
  }

  /** Moves the unread bytes to the front (growing the buffer if full) and reads more. */
  private void fill() throws IOException {
    int pending = end - start;
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, pending);
      bufferOffset += start;
    } else if (pending == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    start = 0;
    end = pending;
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
