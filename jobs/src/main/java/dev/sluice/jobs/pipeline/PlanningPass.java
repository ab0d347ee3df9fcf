package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.parse.RowParser;
import dev.sluice.connectors.parse.RowParsers;
import dev.sluice.connectors.parse.RowRejectedException;
import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.PlanningAccumulator;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitPlan;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The planning pass of a bounded run whose split plans from the data (time fractions, balanced
 * groups, groups across domains), inside the same job as the run: a second read of the input feeds
 * the split fields of every row that parses to the spec's planning accumulator, one per subtask;
 * one step merges them and makes the plan, which goes to every routing subtask as a broadcast input
 * that they read before any row ({@link RouteRecordsByPlan}). Rows that do not parse are left to
 * the routing step, which rejects them with their reason.
 *
 * <p>One job per run: a detached submission, REST and application mode run the planning pass and
 * the run alike, and the publisher sees the plan with the counts. A plan the data makes impossible
 * (a domain value without a route) fails the job before anything is written.
 */
public final class PlanningPass {
  private PlanningPass() {}

  /** Adds the planning pass to {@code env} and returns the plan, one element, broadcast. */
  public static DataStream<SplitPlan> addTo(StreamExecutionEnvironment env, JobConfig config) {
    PlannedSpec spec = (PlannedSpec) config.split();
    return env.fromSource(
            SluiceJob.source(config), WatermarkStrategy.noWatermarks(), "raw objects (planning)")
        .uid("planning-source")
        .transform(
            "collect split fields",
            TypeInformation.of(PlanningAccumulator.class),
            new CollectSplitFields(config.schema(), spec, StratumColumn.of(config)))
        .uid("collect-split-fields")
        .global()
        .transform("plan", TypeInformation.of(SplitPlan.class), new MakePlan(spec))
        .uid("make-plan")
        .setParallelism(1)
        .setMaxParallelism(1)
        .broadcast();
  }

  /** Feeds each parsable row's split fields to this subtask's accumulator; sends it at the end. */
  static final class CollectSplitFields extends AbstractStreamOperator<PlanningAccumulator>
      implements OneInputStreamOperator<RawRow, PlanningAccumulator>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final SchemaMapping schema;
    private final PlannedSpec spec;
    private final StratumColumn stratum;
    private transient RowParser parser;
    private transient PlanningAccumulator accumulator;

    CollectSplitFields(SchemaMapping schema, PlannedSpec spec, StratumColumn stratum) {
      this.schema = schema;
      this.spec = spec;
      this.stratum = stratum;
    }

    @Override
    public void open() throws Exception {
      super.open();
      parser = RowParsers.create(schema);
      accumulator = spec.newAccumulator();
    }

    @Override
    public void processElement(StreamRecord<RawRow> element) {
      try {
        ParsedRecord r = parser.parse(element.getValue());
        accumulator.add(
            new SplitFields(
                r.uid(),
                r.group,
                r.domain,
                r.timestampMillis,
                r.hasTimestamp,
                StratumColumn.of(stratum, r)));
      } catch (RowRejectedException rejected) {
        // The routing step rejects this row with its reason.
      }
    }

    @Override
    public void endInput() {
      output.collect(new StreamRecord<>(accumulator));
    }
  }

  /** Merges every subtask's accumulator and makes the plan at the end of the planning input. */
  static final class MakePlan extends AbstractStreamOperator<SplitPlan>
      implements OneInputStreamOperator<PlanningAccumulator, SplitPlan>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final PlannedSpec spec;
    private transient PlanningAccumulator merged;

    MakePlan(PlannedSpec spec) {
      this.spec = spec;
    }

    @Override
    public void open() throws Exception {
      super.open();
      merged = spec.newAccumulator();
    }

    @Override
    public void processElement(StreamRecord<PlanningAccumulator> element) {
      merged.merge(element.getValue());
    }

    /** Throws {@code SplitConfigException} when the data makes the configuration impossible. */
    @Override
    public void endInput() {
      SplitPlan plan;
      try {
        plan = spec.plan(merged);
      } catch (SplitConfigException impossible) {
        // The data would make the same plan again: fail the job without restarts.
        throw new SuppressRestartsException(impossible);
      }
      output.collect(new StreamRecord<>(plan));
    }
  }
}
