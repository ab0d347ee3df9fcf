package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.s3.S3TestServer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A Flink job writes shards to {@code s3://} with FileSink; shards larger than S3's 5 MiB minimum
 * part size go up as multipart uploads and are committed, with nothing left open.
 */
class S3FileSinkITCase {

  private static final String BUCKET = "train-data";
  private static final int RECORDS = 120_000;
  // 100 bytes per line: 12 MB in total, 6 MB per subtask, more than one 5 MiB part each.
  private static final String PADDING = "x".repeat(89);

  @Order(1)
  @RegisterExtension
  static final S3TestServer S3 = S3TestServer.withBuckets(BUCKET);

  @Order(2)
  @RegisterExtension
  static final FlinkS3FileSystems FLINK_FILE_SYSTEMS = FlinkS3FileSystems.of(S3);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void writesShardsLargerThanAPartAsCommittedMultipartObjects() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(2);
    env.fromSequence(0, RECORDS - 1)
        .map(S3FileSinkITCase::line)
        .sinkTo(
            FileSink.forRowFormat(
                    new Path("s3://" + BUCKET + "/out/"), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(
                    DefaultRollingPolicy.builder()
                        .withMaxPartSize(MemorySize.ofMebiBytes(64))
                        .build())
                .withOutputFileConfig(
                    OutputFileConfig.builder()
                        .withPartPrefix("part")
                        .withPartSuffix(".txt")
                        .build())
                .build());
    env.execute("s3 file sink");

    List<String> keys = S3.listKeys(BUCKET, "out/");
    assertThat(keys).isNotEmpty().allMatch(key -> key.matches("out/part-[^/]+\\.txt"), "a shard");
    assertThat(S3.openMultipartUploads(BUCKET)).isEmpty();

    List<Long> ids =
        keys.stream()
            .flatMap(key -> S3.getObjectAsString(BUCKET, key).lines())
            .map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
            .sorted()
            .collect(Collectors.toList());
    assertThat(ids).containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());

    for (String key : keys) {
      HeadObjectResponse head = S3.client().headObject(b -> b.bucket(BUCKET).key(key));
      assertThat(head.contentLength()).isGreaterThan(MemorySize.ofMebiBytes(5).getBytes());
      // A completed multipart upload's ETag is "<md5 of part md5s>-<part count>".
      assertThat(head.eTag()).as("ETag of %s", key).matches("\"?[0-9a-f]+-[2-9][0-9]*\"?");
    }
  }

  private static String line(long id) {
    return String.format("%09d,%s", id, PADDING);
  }
}
