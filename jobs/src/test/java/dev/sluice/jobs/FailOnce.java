package dev.sluice.jobs;

import dev.sluice.connectors.source.RawRow;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A step between source and router that passes rows on, but fails the first subtask to see a given
 * number of rows, once: the restarted attempt runs through. Flink serialises the function, so
 * whether it failed is kept outside it, under an id of its own.
 */
public final class FailOnce extends RichMapFunction<RawRow, RawRow> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicBoolean> FAILED = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final int after;
  private transient int seen;

  private FailOnce(int after) {
    this.after = after;
    FAILED.put(id, new AtomicBoolean());
  }

  /** Fails once, when a subtask sees its {@code rows}-th row. */
  public static FailOnce after(int rows) {
    return new FailOnce(rows);
  }

  /** Whether the failure happened. */
  public boolean happened() {
    return FAILED.get(id).get();
  }

  @Override
  public void open(OpenContext context) {
    seen = 0;
  }

  @Override
  public RawRow map(RawRow row) {
    if (++seen == after && FAILED.get(id).compareAndSet(false, true)) {
      throw new IllegalStateException("injected failure after " + after + " rows");
    }
    return row;
  }
}
