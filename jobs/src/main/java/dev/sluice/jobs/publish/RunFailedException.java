package dev.sluice.jobs.publish;

import java.io.IOException;

/**
 * A run that cannot complete; the message says why and what to do. Thrown by the job's publisher
 * (which fails the job with it) and by the client's set-up.
 */
public class RunFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailedException(String message) {
    super(message);
  }

  /** A failure to reach storage: the message says what, then what the storage answered. */
  public RunFailedException(String message, IOException cause) {
    super(message + ": " + innermostMessage(cause), cause);
  }

  /** The message of the innermost cause: what the storage or the library said. */
  public static String innermostMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
