package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.s3.S3TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A checkpointed streaming job writing to {@code s3://} fails once, restarts from its last
 * checkpoint and still writes every record exactly once; the hidden objects Flink's S3 recoverable
 * writer leaves behind are then removed by {@link ChannelHygiene}.
 *
 * <p>The job runs once for the class; the tests read its output in order, the last one cleans.
 */
@TestMethodOrder(OrderAnnotation.class)
class S3RecoveryITCase {

  private static final String BUCKET = "train-data";
  private static final String PREFIX = "recovered/train/";
  private static final int RECORDS = 40_000;
  private static final int FAIL_AFTER = 20_000;
  // 200 bytes a line, 8 MB in all: the one shard spans a full 5 MiB part and a remainder.
  private static final String PADDING = "y".repeat(189);

  // Test-only: the failure must happen in the first attempt only, across restarts of the task.
  private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
  private static final AtomicLong SEEN = new AtomicLong();

  /** FileSink's committed parts here: {@code part-<uuid>-<subtask>-<count>.txt}. */
  private static final Predicate<String> COMMITTED =
      name -> name.startsWith("part-") && name.endsWith(".txt");

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
              .setNumberSlotsPerTaskManager(1)
              .build());

  @BeforeAll
  static void runAJobThatFailsOnceAndRecovers() throws Exception {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.setParallelism(1);
    env.enableCheckpointing(300);

    DataGeneratorSource<String> source =
        new DataGeneratorSource<>(
            S3RecoveryITCase::line, RECORDS, RateLimiterStrategy.perSecond(10_000), Types.STRING);
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "records")
        .map(S3RecoveryITCase::failOnceAfterSome)
        .sinkTo(
            FileSink.forRowFormat(
                    new Path("s3://" + BUCKET + "/" + PREFIX), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                // Parts span checkpoints, so checkpoints persist in-progress parts to S3.
                .withRollingPolicy(
                    DefaultRollingPolicy.builder()
                        .withMaxPartSize(MemorySize.ofMebiBytes(64))
                        .withRolloverInterval(Duration.ofMinutes(10))
                        .withInactivityInterval(Duration.ofMinutes(10))
                        .build())
                .withOutputFileConfig(
                    OutputFileConfig.builder()
                        .withPartPrefix("part")
                        .withPartSuffix(".txt")
                        .build())
                .build());
    env.execute("s3 recovery");
  }

  @Test
  @Order(1)
  void theJobFailedOnceAndRestarted() {
    assertThat(FAILED_ONCE).isTrue();
    assertThat(SEEN.get()).isGreaterThan(RECORDS);
  }

  @Test
  @Order(2)
  void everyRecordIsInTheCommittedShardsExactlyOnce() {
    List<Long> ids =
        committedKeys().stream()
            .flatMap(key -> S3.getObjectAsString(BUCKET, key).lines())
            .map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
            .sorted()
            .collect(Collectors.toList());

    assertThat(ids).containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());
  }

  @Test
  @Order(3)
  void recoveryLeavesHiddenTemporaryObjectsNextToTheShards() {
    List<String> junk =
        S3.listKeys(BUCKET, PREFIX).stream().filter(key -> !COMMITTED.test(name(key))).toList();
    System.out.println("Objects left under " + PREFIX + " besides committed shards: " + junk);
    System.out.println("Open multipart uploads after recovery: " + S3.openMultipartUploads(BUCKET));

    assertThat(junk)
        .isNotEmpty()
        .allMatch(key -> name(key).matches("_part-.+_tmp_.+"), "a hidden _part-..._tmp_... object");
  }

  @Test
  @Order(4)
  void channelHygieneLeavesExactlyTheCommittedShards() throws Exception {
    List<String> committed = committedKeys();
    List<String> junk =
        S3.listKeys(BUCKET, PREFIX).stream().filter(key -> !COMMITTED.test(name(key))).toList();

    List<Path> removed =
        ChannelHygiene.removeAllButCommitted(new Path("s3://" + BUCKET + "/" + PREFIX), COMMITTED);

    assertThat(removed)
        .extracting(Path::toString)
        .containsExactlyInAnyOrderElementsOf(
            junk.stream().map(key -> "s3://" + BUCKET + "/" + key).toList());
    assertThat(S3.listKeys(BUCKET, PREFIX)).containsExactlyElementsOf(committed);
  }

  private static List<String> committedKeys() {
    return S3.listKeys(BUCKET, PREFIX).stream().filter(key -> COMMITTED.test(name(key))).toList();
  }

  private static String name(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  private static String line(long id) {
    return String.format("%09d,%s", id, PADDING);
  }

  private static String failOnceAfterSome(String line) {
    if (SEEN.incrementAndGet() == FAIL_AFTER && FAILED_ONCE.compareAndSet(false, true)) {
      throw new IllegalStateException("injected failure after " + FAIL_AFTER + " records");
    }
    return line;
  }
}
