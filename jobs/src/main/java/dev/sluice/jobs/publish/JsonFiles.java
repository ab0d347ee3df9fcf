package dev.sluice.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Writes small JSON documents through Flink's filesystems, so local paths and s3:// alike. */
public final class JsonFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  /**
   * Writes {@code document} to {@code path} so that a reader sees the old file or the new one,
   * never half of one: an object store's single upload appears whole, and a file is written beside
   * its target under a hidden name, then renamed over it.
   */
  public static void write(Path path, JsonNode document) throws IOException {
    FileSystem fs = path.getFileSystem();
    if (onObjectStore(path)) {
      try (OutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
        JSON.writeValue(out, document);
      }
      return;
    }
    Path temporary = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID());
    try (OutputStream out = fs.create(temporary, FileSystem.WriteMode.OVERWRITE)) {
      JSON.writeValue(out, document);
    }
    if (!fs.rename(temporary, path)) {
      fs.delete(temporary, false);
      throw new IOException("could not replace " + path);
    }
  }

  /** S3 (s3://, s3a://, s3p://): its single upload of a small object is atomic. */
  private static boolean onObjectStore(Path path) {
    String scheme = path.toUri().getScheme();
    return scheme != null && scheme.startsWith("s3");
  }

  public static JsonNode read(Path path) throws IOException {
    try (var in = path.getFileSystem().open(path)) {
      return JSON.readTree(in);
    }
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
