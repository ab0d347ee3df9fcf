package dev.sluice.splitters;

/**
 * A split that assigns each record from its own fields alone: random, group by hash, time with
 * cut-offs, domain with random inner. The only kind a continuous run accepts.
 */
public non-sealed interface UnplannedSpec extends SplitSpec {

  /** The splitter; serializable, so the jobs module can ship it to tasks. */
  Splitter splitter();
}
