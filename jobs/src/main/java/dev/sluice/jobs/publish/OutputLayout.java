package dev.sluice.jobs.publish;

import org.apache.flink.core.fs.Path;

/**
 * Where a run's output goes under the sink root. Channel prefixes hold nothing but committed
 * shards; everything else lives under prefixes that start with an underscore, because SageMaker's
 * S3Prefix {@code OUTPUT/train} would also match {@code OUTPUT/train.manifest}.
 *
 * <pre>
 * OUTPUT/train/…             shards (part-*.rec), optionally in shard-NNN/ folders
 * OUTPUT/validation/…
 * OUTPUT/test/…
 * OUTPUT/_rejected/          rejected rows as JSON lines, with object, line and reason
 * OUTPUT/_sluice/manifests/  one SageMaker ManifestFile per channel
 * OUTPUT/_sluice/input-data-config.json           channels as S3Prefix
 * OUTPUT/_sluice/input-data-config.manifest.json  channels as ManifestFile
 * OUTPUT/_sluice/report.json                      written last: a complete run
 * </pre>
 */
public record OutputLayout(Path root) {

  public Path channel(String channel) {
    return new Path(root, channel);
  }

  public Path rejected() {
    return new Path(root, "_rejected");
  }

  public Path metadata() {
    return new Path(root, "_sluice");
  }

  public Path manifest(String channel) {
    return new Path(new Path(metadata(), "manifests"), channel + ".manifest");
  }

  public Path inputDataConfig() {
    return new Path(metadata(), "input-data-config.json");
  }

  public Path manifestInputDataConfig() {
    return new Path(metadata(), "input-data-config.manifest.json");
  }

  public Path report() {
    return new Path(metadata(), "report.json");
  }

  /** A failed run's report: written instead of report.json, so nothing looks complete. */
  public Path failedReport() {
    return new Path(metadata(), "failed-report.json");
  }

  /** A folder URI with exactly one trailing slash, as SageMaker's S3Uri and manifests want. */
  public static String folderUri(Path folder) {
    String uri = folder.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
