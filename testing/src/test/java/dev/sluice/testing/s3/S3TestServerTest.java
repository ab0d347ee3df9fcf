package dev.sluice.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

class S3TestServerTest {

  @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets("raw", "train-data");

  @Test
  void listensOnLoopbackOnly() {
    assertThat(S3.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(S3.endpoint().getPort()).isPositive();
  }

  @Test
  void createsTheRequestedBuckets() {
    assertThat(S3.client().listBuckets().buckets())
        .extracting(b -> b.name())
        .contains("raw", "train-data");
  }

  @Test
  void storesListsAndReturnsObjects() {
    S3.putObject("raw", "in/a.csv", "x,y\n1,2\n");
    S3.putObject("raw", "in/b.csv", "x,y\n3,4\n");
    S3.putObject("raw", "other/c.csv", "x\n");

    assertThat(S3.listKeys("raw", "in/")).containsExactly("in/a.csv", "in/b.csv");
    assertThat(S3.getObjectAsString("raw", "in/b.csv")).isEqualTo("x,y\n3,4\n");
  }

  @Test
  void reportsMultipartUploadsUntilTheyAreCompleted() {
    String key = "out/big.bin";
    String uploadId =
        S3.client().createMultipartUpload(b -> b.bucket("train-data").key(key)).uploadId();
    assertThat(S3.openMultipartUploads("train-data")).containsExactly(key);

    byte[] part = "only part".getBytes(StandardCharsets.UTF_8);
    String etag =
        S3.client()
            .uploadPart(
                b -> b.bucket("train-data").key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part))
            .eTag();
    S3.client()
        .completeMultipartUpload(
            b ->
                b.bucket("train-data")
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                        m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

    assertThat(S3.openMultipartUploads("train-data")).isEmpty();
    assertThat(S3.getObject("train-data", key)).isEqualTo(part);
  }
}
