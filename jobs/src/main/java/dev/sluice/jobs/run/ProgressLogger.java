package dev.sluice.jobs.run;

import dev.sluice.jobs.pipeline.RouteRecords;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a progress line every few seconds while a job runs: rows read, records written per channel,
 * rows rejected, and the read rate. The figures come from the job's accumulators, which the cluster
 * reports with its heartbeats, so a line may trail the job by a few seconds.
 */
final class ProgressLogger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLogger.class);

  private final ScheduledExecutorService timer;
  private final JobClient client;
  private final long startNanos = System.nanoTime();

  private ProgressLogger(JobClient client, Duration interval) {
    this.client = client;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sluice-progress");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, interval.toMillis());
    timer.scheduleAtFixedRate(this::logOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  static ProgressLogger start(JobClient client, Duration interval) {
    return new ProgressLogger(client, interval);
  }

  private void logOnce() {
    try {
      Map<String, Object> accumulators = client.getAccumulators().get(5, TimeUnit.SECONDS);
      LOG.info(line(accumulators, (System.nanoTime() - startNanos) / 1e9));
    } catch (Exception e) {
      // The job may be finishing; progress is best effort and never fails a run.
      LOG.debug("no progress figures: {}", e.toString());
    }
  }

  static String line(Map<String, Object> accumulators, double seconds) {
    long read = number(accumulators.get(RouteRecords.ROWS_READ));
    long rejected = number(accumulators.get(RouteRecords.ROWS_REJECTED));
    StringBuilder written = new StringBuilder();
    new TreeMap<>(accumulators)
        .forEach(
            (name, value) -> {
              if (name.startsWith(RouteRecords.WRITTEN_PREFIX)) {
                if (written.length() > 0) {
                  written.append(", ");
                }
                written
                    .append(name.substring(RouteRecords.WRITTEN_PREFIX.length()))
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%,d", number(value)));
              }
            });
    return String.format(
        Locale.ROOT,
        "progress: %,d rows read, written [%s], %,d rejected, %,.0f rows/s",
        read,
        written,
        rejected,
        seconds > 0 ? read / seconds : 0.0);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
