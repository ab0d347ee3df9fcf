package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.s3.S3TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** OpenUploads against real S3: it aborts the uploads under a prefix, and only those. */
class OpenUploadsITCase {

  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets("out");

  @Order(2)
  @RegisterExtension
  static final FlinkS3FileSystems FLINK_FILE_SYSTEMS = FlinkS3FileSystems.of(S3);

  @Test
  void abortsTheUploadsUnderAPrefixAndLeavesTheOthersOpen() throws Exception {
    startUpload("run-1/train/part-0-0.rec");
    startUpload("run-1/train/shard-001/part-1-0.rec");
    startUpload("run-2/train/part-0-0.rec");

    assertThat(OpenUploads.abortUnder(new org.apache.flink.core.fs.Path("s3://out/run-1/train")))
        .hasValue(2);

    assertThat(S3.openMultipartUploads("out")).containsExactly("run-2/train/part-0-0.rec");
  }

  @Test
  void saysNothingAboutAFilesystemWithoutUploads(@TempDir Path folder) throws Exception {
    assertThat(OpenUploads.abortUnder(new org.apache.flink.core.fs.Path(folder.toUri()))).isEmpty();
  }

  private static void startUpload(String key) {
    S3.client().createMultipartUpload(b -> b.bucket("out").key(key));
  }
}
