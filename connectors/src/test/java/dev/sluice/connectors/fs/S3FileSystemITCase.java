package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.s3.S3TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flink's S3 filesystem (flink-s3-fs-hadoop), set up by FlinkFileSystems, against real S3. */
class S3FileSystemITCase {

  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets("raw");

  @Order(2)
  @RegisterExtension
  static final FlinkS3FileSystems FLINK_FILE_SYSTEMS = FlinkS3FileSystems.of(S3);

  @Test
  void writesAnObjectThatS3ServesBack() throws IOException {
    Path path = new Path("s3://raw/fs/hello.txt");
    try (OutputStream out = path.getFileSystem().create(path, WriteMode.NO_OVERWRITE)) {
      out.write("hello, s3".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(S3.getObjectAsString("raw", "fs/hello.txt")).isEqualTo("hello, s3");
  }

  @Test
  void readsAnObjectPutIntoS3() throws IOException {
    S3.putObject("raw", "fs/in.csv", "a,b\n1,2\n");

    Path path = new Path("s3://raw/fs/in.csv");
    try (InputStream in = FileSystem.get(path.toUri()).open(path)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
    }
  }

  @Test
  void listsTheObjectsUnderAPrefix() throws IOException {
    S3.putObject("raw", "listing/a.jsonl", "{}\n");
    S3.putObject("raw", "listing/b.jsonl", "{}\n{}\n");
    S3.putObject("raw", "listing/nested/c.jsonl", "{}\n");
    S3.putObject("raw", "listing-not-this/d.jsonl", "{}\n");

    Path prefix = new Path("s3://raw/listing");
    FileStatus[] statuses = prefix.getFileSystem().listStatus(prefix);

    assertThat(Arrays.stream(statuses).map(s -> s.getPath().getName() + (s.isDir() ? "/" : "")))
        .containsExactlyInAnyOrder("a.jsonl", "b.jsonl", "nested/");
    assertThat(Arrays.stream(statuses).filter(s -> !s.isDir()).mapToLong(FileStatus::getLen))
        .containsExactlyInAnyOrder(3L, 6L);
    assertThat(ChannelHygiene.filesUnder(prefix))
        .extracting(Path::toString)
        .containsExactlyInAnyOrder(
            "s3://raw/listing/a.jsonl",
            "s3://raw/listing/b.jsonl",
            "s3://raw/listing/nested/c.jsonl");
  }
}
