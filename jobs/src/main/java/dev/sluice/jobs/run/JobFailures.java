package dev.sluice.jobs.run;

import dev.sluice.jobs.config.ConfigException;
import dev.sluice.jobs.pipeline.RejectedFractionGuard;
import dev.sluice.jobs.publish.RunFailedException;
import dev.sluice.splitters.SplitConfigException;
import org.apache.flink.util.SerializedThrowable;

/**
 * Turns a failed job into what the client tells its user: the run's own verdict (a failed audit,
 * too many rejected rows) becomes a {@link SluiceRun.RunFailedException} with its message, and a
 * plan the data made impossible a configuration error, found wherever Flink wrapped them; anything
 * else stays as it is.
 */
final class JobFailures {
  private JobFailures() {}

  static Exception explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      // Every event time implausible: a timestamp unit mistaken, a configuration error.
      if (cause instanceof EventTimeWindow.ImplausibleEventTimesException
          || (cause instanceof SerializedThrowable s
              && s.getOriginalErrorClassName()
                  .equals(EventTimeWindow.ImplausibleEventTimesException.class.getName()))) {
        return new ConfigException(java.util.List.of(cause.getMessage()));
      }
      if (cause instanceof SplitConfigException impossible) {
        return ConfigException.foundByThePlanningPass(
            impossible.problems().stream().map(Object::toString).toList());
      }
      if (cause instanceof RunFailedException
          || cause instanceof RejectedFractionGuard.RejectedFractionExceededException) {
        return new SluiceRun.RunFailedException(cause.getMessage());
      }
      if (cause instanceof SerializedThrowable serialized
          && isVerdict(serialized.getOriginalErrorClassName())) {
        return new SluiceRun.RunFailedException(serialized.getMessage());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure instanceof Exception e ? e : new RuntimeException(failure);
  }

  private static boolean isVerdict(String className) {
    return className.equals(RunFailedException.class.getName())
        || className.equals(SluiceRun.RunFailedException.class.getName())
        || className.equals(
            RejectedFractionGuard.RejectedFractionExceededException.class.getName());
  }
}
