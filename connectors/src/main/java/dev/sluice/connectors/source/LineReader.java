package dev.sluice.connectors.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines ending in {@code \n} or {@code \r\n} from a stream. A lone {@code \r} is kept
 * as data (unlike {@link java.io.BufferedReader}), and a UTF-8 byte order mark at the very start is
 * dropped. Decoding works on bytes, so a line costs one {@code String} and nothing else. Bytes that
 * are not UTF-8 are flagged ({@link #lastLineInvalidUtf8()}), never silently replaced.
 */
final class LineReader implements AutoCloseable {

  private static final int INITIAL_BUFFER = 64 * 1024;

  private final InputStream in;
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int start;
  private int end;
  private boolean eof;
  private boolean first = true;
  private boolean lastInvalid;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or {@code null} at the end of the stream. */
  String readLine() throws IOException {
    int scanFrom = start;
    while (true) {
      for (int i = scanFrom; i < end; i++) {
        if (buf[i] == '\n') {
          int lineEnd = i > start && buf[i - 1] == '\r' ? i - 1 : i;
          String line = decode(start, lineEnd);
          start = i + 1;
          return line;
        }
      }
      if (eof) {
        if (start < end) {
          int lineEnd = buf[end - 1] == '\r' ? end - 1 : end;
          String line = decode(start, lineEnd);
          start = end;
          return line;
        }
        return null;
      }
      scanFrom = end - start;
      fill();
      scanFrom = start + scanFrom;
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
