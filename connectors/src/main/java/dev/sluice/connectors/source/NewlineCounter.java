package dev.sluice.connectors.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The cheap pass that makes line numbers exact under splitting: it counts the newlines before each
 * range's start, so a range's reader can number its lines as the whole object would. Counting is a
 * scan for one byte value, several times faster than parsing the same bytes, and the segments
 * between range starts are counted in parallel.
 */
final class NewlineCounter {

  private static final int BUFFER = 1 << 20;

  private NewlineCounter() {}

  /**
   * For each range start, how many lines of the object start before it.
   *
   * @param offsets ascending range starts, the first 0
   */
  static long[] linesBefore(FileSystem fs, Path path, long[] offsets) throws IOException {
    int n = offsets.length;
    long[] lines = new long[n];
    if (n == 1) {
      return lines;
    }
    // Lines start at 0 and after every '\n'. A line starts before offset s > 0 when it starts at 0
    // or after a '\n' at a position below s - 1; the '\n' at s - 1 (if any) starts the range's own
    // first line. So segment j counts the '\n' in [b(j), b(j + 1)), b(0) = 0, b(k) = offset(k) - 1.
    long[] bounds = new long[n];
    for (int k = 1; k < n; k++) {
      bounds[k] = offsets[k] - 1;
    }
    int segments = n - 1;
    int threads = Math.min(segments, Math.max(1, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, NewlineCounter::daemon);
    try {
      List<Future<Long>> counts = new ArrayList<>(segments);
      for (int j = 0; j < segments; j++) {
        long from = bounds[j];
        long to = bounds[j + 1];
        counts.add(pool.submit(() -> count(fs, path, from, to)));
      }
      long before = 1; // the line at offset 0
      for (int k = 1; k < n; k++) {
        before += counts.get(k - 1).get();
        lines[k] = before;
      }
      return lines;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while counting the lines of " + path, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      throw new IOException("Could not count the lines of " + path, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The number of {@code \n} bytes in {@code [from, to)} of the object. */
  static long count(FileSystem fs, Path path, long from, long to) {
    try (FSDataInputStream in = fs.open(path)) {
      if (from > 0) {
        in.seek(from);
      }
      byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1, to - from))];
      long remaining = to - from;
      long newlines = 0;
      while (remaining > 0) {
        int read = in.read(buf, 0, (int) Math.min(buf.length, remaining));
        if (read < 0) {
          throw new IOException(
              path
                  + " ended at byte "
                  + (to - remaining)
                  + " while counting lines up to "
                  + to
                  + " (was it changed while being read?)");
        }
        newlines += countIn(buf, read);
        remaining -= read;
      }
      return newlines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long countIn(byte[] buf, int length) {
    long newlines = 0;
    for (int i = 0; i < length; i++) {
      // Branch-free: the JIT turns this into a compare-and-add over the whole buffer.
      newlines += (buf[i] - '\n') == 0 ? 1 : 0;
    }
    return newlines;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "sluice-newline-counter");
    thread.setDaemon(true);
    return thread;
  }
}
