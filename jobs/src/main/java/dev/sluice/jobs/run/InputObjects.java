package dev.sluice.jobs.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The objects a bounded run reads, listed the way the file source enumerates them (recursively,
 * skipping names that start with {@code .} or {@code _}), for the report and for failing early when
 * there is nothing to read.
 */
public final class InputObjects {
  /** One input object. */
  public record InputObject(String uri, long bytes) implements java.io.Serializable {}

  private InputObjects() {}

  public static List<InputObject> list(String location) throws IOException {
    Path path = new Path(location);
    FileSystem fs = path.getFileSystem();
    List<InputObject> objects = new ArrayList<>();
    if (!fs.exists(path)) {
      return objects;
    }
    FileStatus status = fs.getFileStatus(path);
    if (status.isDir()) {
      walk(fs, path, objects);
    } else {
      objects.add(new InputObject(status.getPath().toUri().toString(), status.getLen()));
    }
    objects.sort(Comparator.comparing(InputObject::uri));
    return objects;
  }

  private static void walk(FileSystem fs, Path folder, List<InputObject> objects)
      throws IOException {
    FileStatus[] entries = fs.listStatus(folder);
    if (entries == null) {
      return;
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (entry.isDir()) {
        walk(fs, entry.getPath(), objects);
      } else {
        objects.add(new InputObject(entry.getPath().toUri().toString(), entry.getLen()));
      }
    }
  }
}
