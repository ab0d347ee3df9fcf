package dev.sluice.jobs.s3;

import static dev.sluice.jobs.s3.S3Output.RAW;
import static dev.sluice.jobs.s3.S3Output.TRAIN_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.Scenarios;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.run.SluiceRun;
import dev.sluice.testing.s3.S3RequestRecorder;
import dev.sluice.testing.s3.S3TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code s3.sse}: every object the job creates, shards (multipart uploads) and metadata alike, is
 * requested with server-side encryption. The requests are read off the wire, because the test
 * server, like AWS with default bucket encryption, reports every object as encrypted anyway.
 *
 * <p>SSE-KMS is not exercised: the AWS SDK inside {@code flink-s3-fs-hadoop} refuses to send KMS
 * parameters over plain http, and the test server speaks http only; its Flink keys are checked by
 * {@code FlinkFileSystemsTest}.
 */
class S3EncryptionITCase {
  private static final String SSE = "x-amz-server-side-encryption";

  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets(RAW, TRAIN_DATA);

  @Order(2)
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  private static S3RequestRecorder recorder;

  @BeforeAll
  static void recordRequests() {
    S3Output.upload(S3, Scenarios.sample("speech-speakers"), RAW, "speech");
    recorder = S3RequestRecorder.inFrontOf(S3.endpoint());
  }

  @AfterAll
  static void stopRecording() throws Exception {
    recorder.close();
  }

  @Test
  void sseS3AsksForAes256OnEveryObjectTheRunCreates() throws Exception {
    run("sse-s3", "encrypted");

    List<S3RequestRecorder.Request> creates = creations("encrypted/");
    assertThat(creates)
        .as("multipart shards and single-part metadata")
        .anySatisfy(r -> assertThat(r.target()).contains("?uploads"))
        .anySatisfy(r -> assertThat(r.target()).contains("/_sluice/report.json"))
        .allSatisfy(r -> assertThat(r.header(SSE)).as(r.target()).isEqualTo("AES256"));
  }

  @Test
  void withoutSseTheBucketDefaultApplies() throws Exception {
    run("none", "plain");

    assertThat(creations("plain/"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.header(SSE)).isNull());
  }

  private static void run(String sse, String root) throws Exception {
    Map<String, String> overrides = new LinkedHashMap<>(S3Output.settings(S3));
    overrides.put("s3.endpoint", recorder.endpoint().toString());
    overrides.put("s3.sse", sse);
    JobConfig config =
        JobConfig.from(
            Scenarios.raw(
                "speech-speakers",
                "s3://" + RAW + "/speech/",
                "s3://" + TRAIN_DATA + "/" + root,
                overrides));
    new SluiceRun(config).run();
  }

  /**
   * The requests that create an object under {@code root}: a PUT of a whole one, or a start of a
   * multipart upload.
   */
  private static List<S3RequestRecorder.Request> creations(String root) {
    return recorder.requests().stream()
        .filter(r -> r.target().startsWith("/" + TRAIN_DATA + "/" + root))
        .filter(
            r ->
                (r.method().equals("PUT") && !r.target().contains("partNumber="))
                    || (r.method().equals("POST") && r.target().contains("?uploads")))
        .toList();
  }
}
