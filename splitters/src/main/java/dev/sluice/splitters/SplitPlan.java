package dev.sluice.splitters;

import java.io.Serializable;
import java.util.Map;

/**
 * The result of a planning pass: an immutable value that, with the spec, fixes every assignment.
 * Plans are serializable so the jobs module can ship them to tasks.
 */
public interface SplitPlan extends Serializable {

  /** Figures for the job report (e.g. cut-offs, realised fractions, error bounds), in order. */
  Map<String, Object> describe();
}
