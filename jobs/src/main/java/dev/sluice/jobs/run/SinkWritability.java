package dev.sluice.jobs.run;

import dev.sluice.jobs.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Checks that {@code sink.path} can take output before any data moves: a file there, or a folder
 * the run may not write, would otherwise fail only once the job runs, with a stack trace. The check
 * writes and deletes one hidden object ({@code .sluice-write-check-<uuid>}, ignored by every
 * listing since its name starts with {@code .}).
 */
public final class SinkWritability {

  private SinkWritability() {}

  /**
   * @throws ConfigException naming {@code sink.path}, what is wrong and what would be right
   */
  public static void check(String sinkPath) {
    Path root = new Path(sinkPath);
    try {
      FileSystem fs = root.getFileSystem();
      if (fs.exists(root)) {
        FileStatus status = fs.getFileStatus(root);
        if (!status.isDir()) {
          throw refused(sinkPath, "is a file; it must be a folder, or not exist yet");
        }
      }
      Path probe = new Path(root, ".sluice-write-check-" + UUID.randomUUID());
      try (OutputStream out = fs.create(probe, FileSystem.WriteMode.NO_OVERWRITE)) {
        out.write('.');
      }
      fs.delete(probe, false);
    } catch (IOException e) {
      throw refused(
          sinkPath,
          "cannot be written ("
              + SluiceRun.RunFailedException.innermostMessage(e)
              + "); choose a folder this run may write, or grant write access");
    }
  }

  private static ConfigException refused(String sinkPath, String problem) {
    return new ConfigException(List.of("sink.path " + sinkPath + " " + problem));
  }
}
