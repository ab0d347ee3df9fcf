package dev.sluice.jobs.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.jobs.run.InputObjects;
import dev.sluice.splitters.audit.AuditReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code _sluice/report.json}: what a run read, where every row went, the plan it split by, and the
 * leakage auditor's verdict. Secrets are masked before the configuration gets here.
 */
final class RunReport {
  private final ObjectNode root = JsonFiles.mapper().createObjectNode();

  RunReport(PublishSettings run, String jobId, Instant finished, String status) {
    root.put("status", status);
    root.put("job_name", run.jobName());
    root.put("job_id", jobId);
    // Where this run wrote: sink.path with its placeholders ({date}, {run-id}, ...) resolved, as
    // configuration keeps the template as written.
    root.put("sink_path", run.root());
    root.put("started_at", run.startedAt().toString());
    root.put("finished_at", finished.toString());
    root.put("wall_seconds", Duration.between(run.startedAt(), finished).toMillis() / 1000.0);
    ObjectNode configuration = root.putObject("configuration");
    run.configuration().forEach(configuration::put);
    root.put("configuration_sha256", configHash(run.configuration()));
    root.put("split_strategy", run.splitStrategy());
    root.put("seed", run.seed());
  }

  RunReport inputs(String path, String format, List<InputObjects.InputObject> objects) {
    ObjectNode input = root.putObject("input");
    input.put("path", path);
    input.put("format", format);
    input.put("object_count", objects.size());
    input.put("bytes", objects.stream().mapToLong(InputObjects.InputObject::bytes).sum());
    ArrayNode list = input.putArray("objects");
    objects.forEach(o -> list.addObject().put("uri", o.uri()).put("bytes", o.bytes()));
    return this;
  }

  RunReport plan(String planJson) {
    if (planJson != null) {
      try {
        root.set("plan", JsonFiles.mapper().readTree(planJson));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("the plan is not JSON", e);
      }
    }
    return this;
  }

  RunReport counts(RunCounts counts, double seconds) {
    ObjectNode rows = root.putObject("rows");
    rows.put("read", counts.rowsRead());
    rows.put("written", counts.rowsWritten());
    rows.put("excluded_by_gap", counts.rowsExcludedByGap());
    rows.put("excluded_cross_domain", counts.audit().excludedCrossDomain());
    rows.put("rejected", counts.rowsRejected());
    rows.put("balanced", counts.balanced());
    rows.put("rows_per_second", seconds > 0 ? Math.round(counts.rowsRead() / seconds) : 0);
    ObjectNode reasons = root.putObject("rejected_by_reason");
    counts.rejectedByReason().forEach(reasons::put);

    AuditReport audit = counts.audit();
    ObjectNode verdict = root.putObject("audit");
    verdict.put("passed", audit.passed());
    ArrayNode violations = verdict.putArray("violations");
    audit.violations().forEach(violations::add);
    verdict.put("rerouted_records", audit.reroutedRecords());
    ArrayNode leaks = verdict.putArray("accepted_leaks");
    audit.leaks().forEach(leaks::add);
    if (!audit.classesPerChannel().isEmpty()) {
      root.set("classes_per_channel", JsonFiles.mapper().valueToTree(audit.classesPerChannel()));
    }
    ArrayNode domains = root.putArray("domains");
    for (AuditReport.DomainFigures figures : audit.domains()) {
      ObjectNode domain = domains.addObject();
      domain.put("domain", figures.domain());
      domain.set(
          "records_per_channel", JsonFiles.mapper().valueToTree(figures.recordsPerChannel()));
      domain.put("rerouted", figures.rerouted());
      domain.set("requested", JsonFiles.mapper().valueToTree(figures.requested()));
      domain.set("realised", JsonFiles.mapper().valueToTree(figures.realised()));
    }
    return this;
  }

  RunReport channels(
      OutputLayout layout,
      AuditReport audit,
      Map<String, List<ChannelShards.Shard>> shards,
      Map<String, ChannelShards.Cleanup> cleanups) {
    ArrayNode channels = root.putArray("channels");
    for (AuditReport.ChannelFigures figures : audit.channels()) {
      String name = figures.channel();
      List<ChannelShards.Shard> channelShards = shards.getOrDefault(name, List.of());
      ObjectNode channel = channels.addObject();
      channel.put("name", name);
      channel.put("uri", OutputLayout.folderUri(layout.channel(name)));
      channel.put("manifest", layout.manifest(name).toUri().toString());
      channel.put("records", figures.records());
      channel.put("shards", channelShards.size());
      channel.put("bytes", channelShards.stream().mapToLong(ChannelShards.Shard::bytes).sum());
      if (figures.requested() != null) {
        channel.put("requested_fraction", figures.requested());
      }
      channel.put("realised_fraction", figures.realised());
      channel.put("distinct_groups", figures.distinctGroups());
      if (figures.earliest() != null) {
        channel.put("earliest", figures.earliest().toString());
        channel.put("latest", figures.latest().toString());
      }
      ChannelShards.Cleanup cleanup = cleanups.get(name);
      ArrayNode strays = channel.putArray("removed_before_publishing");
      cleanup.removed().forEach(strays::add);
      cleanup
          .abortedUploads()
          .ifPresent(aborted -> channel.put("open_uploads_aborted_before_publishing", aborted));
    }
    return this;
  }

  RunReport warnings(List<String> warnings) {
    ArrayNode list = root.putArray("warnings");
    warnings.forEach(list::add);
    return this;
  }

  RunReport failure(String message) {
    root.put("failure", message);
    return this;
  }

  ObjectNode json() {
    return root;
  }

  /** SHA-256 of the configuration as {@code key=value} lines in key order, secrets masked. */
  static String configHash(Map<String, String> maskedView) {
    StringBuilder canonical = new StringBuilder();
    maskedView.forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
