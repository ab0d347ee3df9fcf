package dev.sluice.jobs.run;

import dev.sluice.jobs.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Checks that {@code sink.path} can take output before any data moves: a file there, or a folder
 * the run may not write, would otherwise fail only once the job runs, with a stack trace. The check
 * writes and deletes one hidden object ({@code .sluice-write-check-<uuid>}, ignored by every
 * listing since its name starts with {@code .}) and creates no folder: on a local filesystem it
 * writes into the nearest folder that exists, on an object store at the sink path itself.
 */
public final class SinkWritability {

  private SinkWritability() {}

  /**
   * @throws ConfigException when sink.path is a file (exit 2)
   * @throws SluiceRun.RunFailedException when the storage refuses the write (exit 1)
   */
  public static void check(String sinkPath) {
    Path root = new Path(sinkPath);
    try {
      FileSystem fs = root.getFileSystem();
      Path folder = root;
      if (!fs.isDistributedFS()) {
        // A local sink: the nearest existing folder must be a folder, and writable.
        while (!fs.exists(folder) && folder.getParent() != null) {
          folder = folder.getParent();
        }
        if (fs.exists(folder) && !fs.getFileStatus(folder).isDir()) {
          throw new ConfigException(
              List.of(
                  "sink.path "
                      + sinkPath
                      + (folder.equals(root) ? " is a file" : " lies below the file " + folder)
                      + "; it must be a folder, or not exist yet"));
        }
      }
      Path probe = new Path(folder, ".sluice-write-check-" + UUID.randomUUID());
      try (OutputStream out = fs.create(probe, FileSystem.WriteMode.NO_OVERWRITE)) {
        out.write('.');
      }
      fs.delete(probe, false);
    } catch (IOException e) {
      throw new SluiceRun.RunFailedException(
          "sink.path "
              + sinkPath
              + " cannot be written; choose a folder this run may write, or grant write access",
          e);
    }
  }
}
