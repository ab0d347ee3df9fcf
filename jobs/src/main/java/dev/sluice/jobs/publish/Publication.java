package dev.sluice.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.connectors.fs.ChannelHygiene;
import dev.sluice.connectors.fs.OpenUploads;
import dev.sluice.connectors.sink.CommittedShard;
import dev.sluice.connectors.sink.ShardNaming;
import dev.sluice.jobs.run.EventTimeWindow;
import dev.sluice.jobs.target.AlgorithmTarget;
import dev.sluice.jobs.target.TargetSettings;
import dev.sluice.jobs.target.TargetVerdict;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run from what was committed: the manifests, the InputDataConfig files, and the report
 * last, or, for a run that fails its checks, a failed report and no shard left under the channel
 * prefixes. A plain class on Flink's filesystems, so a test runs it on local files, and the job's
 * publisher step runs it on whatever the sink wrote to.
 *
 * <p>Publishing again from the same committed shards and tally gives the same files: every file is
 * replaced whole (see {@link JsonFiles#write}), and a run already published by this job is left as
 * it is, so a publisher that runs again after a failover publishes nothing twice or by halves.
 */
public final class Publication {
  private static final Logger LOG = LoggerFactory.getLogger(Publication.class);

  /** The status of a run's report while a continuous run goes on. */
  public static final String RUNNING = "running";

  /** The status of a finished run's report. */
  public static final String COMPLETE = "complete";

  private final PublishSettings run;
  private final String jobId;

  /**
   * @param jobId the Flink job's id, recorded in the report so a publisher that runs again knows
   *     its own publication
   */
  public Publication(PublishSettings run, String jobId) {
    this.run = run;
    this.jobId = jobId;
  }

  /**
   * A finished run: checks the counts and the audit; then either cleans the channel prefixes and
   * publishes, or withdraws the shards, writes {@code failed-report.json} and throws.
   *
   * @throws RunFailedException when the run failed its checks; nothing is published
   */
  public JsonNode complete(RunTally tally, Collection<CommittedShard> committed, Instant now)
      throws IOException {
    OutputLayout layout = run.layout();
    if (alreadyPublished(layout)) {
      LOG.info("{} was published by an earlier attempt of job {}", layout.report(), jobId);
      return JsonFiles.read(layout.report());
    }
    RunCounts counts = tally.counts();
    Map<String, List<ChannelShards.Shard>> shards = byChannel(committed);
    String failure = failure(counts, shards);
    java.util.Optional<String> eventTimes = java.util.Optional.empty();
    RunFailedException implausible = null;
    try {
      eventTimes = EventTimeWindow.of(run.configuration()).check(counts.audit());
    } catch (EventTimeWindow.ImplausibleEventTimesException e) {
      implausible = e;
      failure = failure != null ? failure : e.getMessage();
    }
    if (failure != null) {
      Map<String, ChannelShards.Cleanup> withdrawn = withdraw(layout);
      RunReport report =
          report(tally, shards, withdrawn, now, "failed", List.of()).failure(failure);
      JsonFiles.write(layout.failedReport(), report.json());
      if (implausible != null && failure.equals(implausible.getMessage())) {
        throw implausible;
      }
      throw new RunFailedException(
          failure + "; nothing was published (see " + layout.failedReport() + ")");
    }
    Map<String, ChannelShards.Cleanup> cleanups = new LinkedHashMap<>();
    for (String channel : run.channels()) {
      cleanups.put(channel, cleanUp(layout.channel(channel), shards.get(channel)));
    }
    // Rejected rows are written the same way; their failed attempts' uploads are aborted too.
    OpenUploads.abortUnder(layout.rejected());
    List<String> warnings = warnings(tally, shards, cleanups);
    eventTimes.ifPresent(
        warning -> {
          LOG.warn("{}", warning);
          warnings.add(warning);
        });
    if (run.channelChecks() != null) {
      for (String warning : run.channelChecks().warnings(counts.audit())) {
        LOG.warn("{}", warning);
        warnings.add(warning);
      }
    }
    RunReport report = report(tally, shards, cleanups, now, COMPLETE, warnings);
    write(layout, shards, report);
    LOG.info(
        "published: {} rows read, {} written, {} excluded by gap, {} rejected; report at {}",
        counts.rowsRead(),
        counts.rowsWritten(),
        counts.rowsExcludedByGap(),
        counts.rowsRejected(),
        layout.report());
    return report.json();
  }

  /**
   * A continuous run after a checkpoint's commit: the manifests list every shard committed so far
   * and the report says {@value #RUNNING} with the figures so far. Nothing is cleaned, because the
   * writers' in-progress files live beside the shards while the run goes on.
   *
   * @throws RunFailedException when the audit failed; the shards are withdrawn
   */
  public JsonNode running(RunTally tally, Collection<CommittedShard> committed, Instant now)
      throws IOException {
    OutputLayout layout = run.layout();
    RunCounts counts = tally.counts();
    if (!counts.audit().passed()) {
      String failure =
          "the leakage audit failed: " + String.join("; ", counts.audit().violations());
      Map<String, ChannelShards.Cleanup> withdrawn = withdraw(layout);
      JsonFiles.write(
          layout.failedReport(),
          report(tally, byChannel(committed), withdrawn, now, "failed", List.of())
              .failure(failure)
              .json());
      throw new RunFailedException(failure + "; the channels were withdrawn");
    }
    Map<String, List<ChannelShards.Shard>> shards = byChannel(committed);
    Map<String, ChannelShards.Cleanup> none = new LinkedHashMap<>();
    run.channels().forEach(c -> none.put(c, new ChannelShards.Cleanup(List.of(), empty())));
    RunReport report = report(tally, shards, none, now, RUNNING, List.of());
    write(layout, shards, report);
    return report.json();
  }

  private boolean alreadyPublished(OutputLayout layout) throws IOException {
    Path report = layout.report();
    if (!report.getFileSystem().exists(report)) {
      return false;
    }
    JsonNode previous = JsonFiles.read(report);
    return jobId.equals(previous.path("job_id").asText())
        && COMPLETE.equals(previous.path("status").asText());
  }

  private void write(
      OutputLayout layout, Map<String, List<ChannelShards.Shard>> shards, RunReport report)
      throws IOException {
    Map<String, String> prefixes = new LinkedHashMap<>();
    Map<String, String> manifests = new LinkedHashMap<>();
    for (String channel : run.channels()) {
      Path prefix = layout.channel(channel);
      JsonFiles.write(
          layout.manifest(channel), SageMakerChannels.manifest(prefix, shards.get(channel)));
      prefixes.put(channel, OutputLayout.folderUri(prefix));
      manifests.put(channel, layout.manifest(channel).toUri().toString());
    }
    JsonFiles.write(
        layout.inputDataConfig(),
        SageMakerChannels.inputDataConfig(
            prefixes, "S3Prefix", run.estimator().contentType(), run.estimator().inputMode()));
    JsonFiles.write(
        layout.manifestInputDataConfig(),
        SageMakerChannels.inputDataConfig(
            manifests, "ManifestFile", run.estimator().contentType(), run.estimator().inputMode()));
    // Last: its presence marks a published run.
    JsonFiles.write(layout.report(), report.json());
  }

  private RunReport report(
      RunTally tally,
      Map<String, List<ChannelShards.Shard>> shards,
      Map<String, ChannelShards.Cleanup> cleanups,
      Instant now,
      String status,
      List<String> warnings) {
    double seconds = Duration.between(run.startedAt(), now).toMillis() / 1000.0;
    RunCounts counts = tally.counts();
    RunReport report =
        new RunReport(run, jobId, now, status)
            .inputs(run.sourcePath(), run.sourceFormat(), run.inputs())
            .plan(tally.planJson() != null ? tally.planJson() : run.planJson())
            .counts(counts, seconds)
            .channels(run.layout(), counts.audit(), shards, cleanups)
            .warnings(warnings);
    report.json().set("estimator", run.estimator().describe(run.layout(), counts.statistics()));
    return report;
  }

  /** The committed shards of every configured channel, in key order. */
  private Map<String, List<ChannelShards.Shard>> byChannel(Collection<CommittedShard> committed) {
    Map<String, List<ChannelShards.Shard>> shards = new LinkedHashMap<>();
    run.channels().forEach(channel -> shards.put(channel, new ArrayList<>()));
    for (CommittedShard shard : committed) {
      List<ChannelShards.Shard> list = shards.get(shard.channel());
      if (list != null) {
        list.add(new ChannelShards.Shard(shard.relativeKey(), shard.bytes()));
      }
    }
    shards
        .values()
        .forEach(list -> list.sort(Comparator.comparing(ChannelShards.Shard::relativeKey)));
    return shards;
  }

  /**
   * Leaves exactly the committed shards under a channel prefix: a failed attempt's hidden files and
   * anything else go, and its open multipart uploads are aborted.
   */
  private static ChannelShards.Cleanup cleanUp(Path prefix, List<ChannelShards.Shard> committed)
      throws IOException {
    Set<String> keep = new HashSet<>();
    committed.forEach(shard -> keep.add(shard.relativeKey()));
    List<String> removed = new ArrayList<>();
    for (Path stray :
        ChannelHygiene.removeAllButCommitted(
            prefix, name -> ShardNaming.isCommittedShard(name) && keepsName(keep, name))) {
      removed.add(stray.getName());
    }
    removed.sort(String::compareTo);
    return new ChannelShards.Cleanup(removed, OpenUploads.abortUnder(prefix));
  }

  private static boolean keepsName(Set<String> keep, String name) {
    for (String key : keep) {
      if (key.equals(name) || key.endsWith("/" + name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failed run's channels are withdrawn: every object under the channel prefixes goes, so a
   * training job pointed at them finds nothing, and their open uploads are aborted.
   */
  private Map<String, ChannelShards.Cleanup> withdraw(OutputLayout layout) throws IOException {
    Map<String, ChannelShards.Cleanup> withdrawn = new LinkedHashMap<>();
    for (String channel : run.channels()) {
      Path prefix = layout.channel(channel);
      FileSystem fs = prefix.getFileSystem();
      List<String> removed = new ArrayList<>();
      for (Path file : ChannelHygiene.filesUnder(prefix)) {
        removed.add(file.getName());
      }
      if (fs.exists(prefix)) {
        fs.delete(prefix, true);
      }
      withdrawn.put(channel, new ChannelShards.Cleanup(removed, OpenUploads.abortUnder(prefix)));
    }
    LOG.warn(
        "the run failed; its shards under the channel prefixes of {} were removed", run.root());
    return withdrawn;
  }

  private String failure(RunCounts counts, Map<String, List<ChannelShards.Shard>> shards) {
    if (counts.rejectedFraction() > run.maxRejectedFraction()) {
      return String.format(
          "%d of %d rows (%.4f) were rejected, more than sink.max-rejected-fraction %s; the"
              + " rejected rows and their reasons are under _rejected/",
          counts.rowsRejected(),
          counts.rowsRead(),
          counts.rejectedFraction(),
          run.maxRejectedFraction());
    }
    if (!counts.balanced()) {
      return "rows read ("
          + counts.rowsRead()
          + ") differ from written + excluded + rejected ("
          + (counts.rowsWritten() + counts.rowsExcludedByGap() + counts.rowsRejected())
          + ")";
    }
    if (run.channelChecks() != null) {
      List<String> channelFailures =
          run.channelChecks().failures(counts.audit(), counts.rowsRead());
      if (!channelFailures.isEmpty()) {
        return String.join("; ", channelFailures);
      }
    }
    if (!counts.audit().passed()) {
      return "the leakage audit failed: " + String.join("; ", counts.audit().violations());
    }
    // An empty channel is warned about; one with records must suit the target algorithm.
    Map<String, Integer> shardCounts = new LinkedHashMap<>();
    shards.forEach(
        (channel, list) -> {
          if (!list.isEmpty()) {
            shardCounts.put(channel, list.size());
          }
        });
    TargetSettings target = run.estimator().target();
    List<String> unfit = TargetVerdict.failures(target, counts.statistics(), shardCounts);
    if (!unfit.isEmpty()) {
      return "the channels do not suit "
          + (target.algorithm() == AlgorithmTarget.GENERIC
              ? "training"
              : "target.algorithm " + target.algorithm().configName())
          + ": "
          + String.join("; ", unfit);
    }
    return null;
  }

  private List<String> warnings(
      RunTally tally,
      Map<String, List<ChannelShards.Shard>> shards,
      Map<String, ChannelShards.Cleanup> cleanups) {
    List<String> warnings = new ArrayList<>(run.planWarnings());
    warnings.addAll(tally.planWarnings());
    if (run.root().startsWith("s3")
        && cleanups.values().stream().anyMatch(c -> c.abortedUploads().isEmpty())) {
      warnings.add(
          "multipart uploads that failed attempts left open under sink.path could not be"
              + " aborted from the job (the S3 filesystem is a plugin); they are invisible to"
              + " training but billed: give the bucket an AbortIncompleteMultipartUpload"
              + " lifecycle rule");
    }
    int wanted = run.minShardsPerChannel();
    shards.forEach(
        (channel, list) -> {
          if (list.isEmpty()) {
            warnings.add("channel " + channel + " is empty; a training job cannot read it");
          } else if (list.size() < wanted) {
            warnings.add(
                "channel "
                    + channel
                    + " has "
                    + list.size()
                    + " shards, fewer than sink.min-shards-per-channel "
                    + wanted
                    + " (too few records to spread)");
          }
        });
    warnings.forEach(w -> LOG.warn("{}", w));
    return warnings;
  }

  private static OptionalInt empty() {
    return OptionalInt.empty();
  }
}
