package dev.sluice.jobs.publish;

import dev.sluice.jobs.run.InputObjects;
import dev.sluice.splitters.audit.ChannelChecks;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the publisher needs to know of a run, fixed when the job is set up: it travels inside the
 * job graph, so it holds plain values only.
 *
 * @param root the sink root, qualified ({@code s3://bucket/run-42}, {@code file:/…})
 * @param configuration the configuration with secrets masked, in key order
 * @param inputs the objects a bounded run reads (empty for a continuous run)
 * @param planJson the plan a planning pass made, as JSON for the report; null without one
 * @param planWarnings what the plan says the report should warn about
 * @param channelChecks empty input, empty channels and realised fractions; null for none
 * @param estimator the channels' content type, the target's input mode and checks, for the
 *     InputDataConfig and the report's estimator section
 */
public record PublishSettings(
    String root,
    String jobName,
    Map<String, String> configuration,
    String splitStrategy,
    long seed,
    List<String> channels,
    String sourcePath,
    String sourceFormat,
    List<InputObjects.InputObject> inputs,
    String planJson,
    List<String> planWarnings,
    double maxRejectedFraction,
    int minShardsPerChannel,
    boolean continuous,
    Instant startedAt,
    ChannelChecks channelChecks,
    EstimatorInputs estimator)
    implements Serializable {

  /** Settings without channel checks, for no algorithm in particular, in RecordIO-protobuf. */
  public PublishSettings(
      String root,
      String jobName,
      Map<String, String> configuration,
      String splitStrategy,
      long seed,
      List<String> channels,
      String sourcePath,
      String sourceFormat,
      List<InputObjects.InputObject> inputs,
      String planJson,
      List<String> planWarnings,
      double maxRejectedFraction,
      int minShardsPerChannel,
      boolean continuous,
      Instant startedAt) {
    this(
        root,
        jobName,
        configuration,
        splitStrategy,
        seed,
        channels,
        sourcePath,
        sourceFormat,
        inputs,
        planJson,
        planWarnings,
        maxRejectedFraction,
        minShardsPerChannel,
        continuous,
        startedAt,
        null,
        EstimatorInputs.generic(channels));
  }

  public OutputLayout layout() {
    return new OutputLayout(new org.apache.flink.core.fs.Path(root));
  }
}
