package dev.sluice.jobs.target;

import dev.sluice.connectors.sink.ChannelStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the data decides about a target once every channel is written: one feature dimension per
 * dense channel always, and per sparse channel where {@code feature_dim} is a hyperparameter; and
 * at least {@code target.instance-count} shards in every channel. A run that fails one of these is
 * not published as complete: the training job would fail or leave instances without data.
 */
public final class TargetVerdict {
  private TargetVerdict() {}

  /**
   * @param statistics each channel's merged statistics
   * @param shards each channel's number of committed shards
   * @return the failures, empty when the channels suit the target
   */
  public static List<String> failures(
      TargetSettings target,
      Map<String, ChannelStatistics> statistics,
      Map<String, Integer> shards) {
    List<String> failures = new ArrayList<>();
    AlgorithmTarget algorithm = target.algorithm();
    statistics.forEach(
        (channel, figures) -> {
          if (figures.singleDimension()) {
            return;
          }
          String mixed =
              "channel "
                  + channel
                  + " mixes feature dimensions "
                  + figures.minDimension()
                  + " to "
                  + figures.featureDim();
          if (!figures.sparse()) {
            // Rows of another dimension are rejected within an object (wrong_dimension); across
            // objects, read in parallel, no reader can tell which object came first, so the run
            // fails instead of publishing a dense channel no algorithm can read as one matrix.
            failures.add(
                mixed
                    + ": objects whose first rows differ in length share it; set"
                    + " schema.feature-dimension to the right number, and rows of another are"
                    + " rejected as wrong_dimension");
          } else if (algorithm.needsFeatureDim()) {
            failures.add(
                mixed
                    + ", but target.algorithm "
                    + algorithm.configName()
                    + " takes one feature_dim");
          }
        });
    if (target.instanceCount() > 1) {
      shards.forEach(
          (channel, count) -> {
            if (count < target.instanceCount()) {
              failures.add(
                  "channel "
                      + channel
                      + " has "
                      + count
                      + " shards, fewer than target.instance-count "
                      + target.instanceCount()
                      + " (ShardedByS3Key would leave instances without data)");
            }
          });
    }
    return failures;
  }
}
