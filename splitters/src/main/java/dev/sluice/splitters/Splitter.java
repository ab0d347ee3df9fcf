package dev.sluice.splitters;

import java.io.Serializable;

/**
 * Maps a record's split fields to an {@link Assignment}. Implementations are immutable, pure (the
 * result depends only on the fields, the configuration, the seed and any plan) and serializable,
 * because Flink ships them to every task. {@code assign} allocates nothing beyond what hashing the
 * key needs.
 */
public interface Splitter extends Serializable {

  /** The channel (or exclusion, or rejection) for one record. */
  Assignment assign(SplitFields fields);

  /** What the leakage auditor should check for this splitter's output. */
  SplitExpectations expectations();
}
