package dev.sluice.jobs.hooks;

import dev.sluice.connectors.source.RawRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A step between source and router that passes rows on, except that the first subtask of the whole
 * cluster to see its {@code after}-th row stops there for good and says so: it writes the id of its
 * TaskManager's process to {@value #PAUSED} in a folder the test watches, and waits until its
 * process dies. The test then knows the job is mid-run, with records written to in-progress shards,
 * and which TaskManager runs that part of the sink (source, router and sink are chained).
 *
 * <p>"First" is decided by creating {@value #CLAIM} in that folder, which only one subtask of one
 * attempt can do, so restarted attempts pass every row. A restarted attempt writes {@code
 * restarted-<subtask>-<attempt>} when it opens, so the test sees the recovery as it happens.
 *
 * <p>The folder is shared through the local filesystem: every process of the test cluster runs on
 * this machine.
 */
public final class PauseOnce extends RichMapFunction<RawRow, RawRow> {
  private static final long serialVersionUID = 1L;

  /** Created by the one subtask that pauses. */
  public static final String CLAIM = "claimed";

  /** Holds the process id of the TaskManager whose subtask paused, once it has. */
  public static final String PAUSED = "paused";

  /** Names a restarted attempt's marker starts with. */
  public static final String RESTARTED = "restarted-";

  private final String folder;
  private final int after;
  private transient int seen;

  public PauseOnce(Path folder, int after) {
    this.folder = folder.toString();
    this.after = after;
  }

  @Override
  public void open(OpenContext context) throws IOException {
    seen = 0;
    TaskInfo task = getRuntimeContext().getTaskInfo();
    if (task.getAttemptNumber() > 0) {
      announce(
          RESTARTED + task.getIndexOfThisSubtask() + "-" + task.getAttemptNumber(),
          Long.toString(System.currentTimeMillis()));
    }
  }

  @Override
  public RawRow map(RawRow row) throws InterruptedException {
    if (++seen == after && claim()) {
      announce(PAUSED, Long.toString(ProcessHandle.current().pid()));
      // Until the test kills this process; a cancelled job interrupts the wait.
      new CountDownLatch(1).await();
    }
    return row;
  }

  private boolean claim() {
    try {
      Files.createFile(Path.of(folder, CLAIM));
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a marker whole or not at all, so the test never reads half of one. */
  private void announce(String name, String content) {
    try {
      Path written = Files.writeString(Path.of(folder, name + ".tmp"), content);
      Files.move(written, Path.of(folder, name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
