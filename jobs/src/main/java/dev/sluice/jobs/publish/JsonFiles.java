package dev.sluice.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Writes small JSON documents through Flink's filesystems, so local paths and s3:// alike. */
public final class JsonFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  public static void write(Path path, JsonNode document) throws IOException {
    FileSystem fs = path.getFileSystem();
    try (OutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
      JSON.writeValue(out, document);
    }
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
