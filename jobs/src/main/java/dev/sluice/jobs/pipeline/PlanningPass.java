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
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.SplitPlan;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The first pass of a bounded run whose split plans from the data (time fractions, balanced groups,
 * groups across domains): it reads every row, feeds the split fields of the rows that parse to the
 * spec's planning accumulator, and returns the plan. Rows that do not parse are left to the main
 * pass, which rejects them with their reason.
 */
public final class PlanningPass {
  static final String ACCUMULATOR = "sluice.plan";

  private PlanningPass() {}

  public static SplitPlan run(StreamExecutionEnvironment env, JobConfig config, PlannedSpec spec)
      throws Exception {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.fromSource(SluiceJob.source(config), WatermarkStrategy.noWatermarks(), "raw objects")
        .flatMap(new CollectSplitFields(config.schema(), spec, StratumColumn.of(config)))
        .name("collect split fields")
        .sinkTo(new DiscardingSink<>())
        .name("discard");
    JobExecutionResult result = env.execute(config.job().name() + " (planning pass)");
    PlanningAccumulator merged = result.getAccumulatorResult(ACCUMULATOR);
    return spec.plan(merged);
  }

  /** Feeds each parsable row's split fields to the planning accumulator; emits nothing. */
  static final class CollectSplitFields extends RichFlatMapFunction<RawRow, Void> {
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
    public void open(OpenContext context) {
      parser = RowParsers.create(schema);
      PlanAccumulator plan = new PlanAccumulator(spec);
      getRuntimeContext().addAccumulator(ACCUMULATOR, plan);
      accumulator = plan.getLocalValue();
    }

    @Override
    public void flatMap(RawRow row, Collector<Void> out) {
      try {
        ParsedRecord r = parser.parse(row);
        accumulator.add(
            new SplitFields(
                r.uid(),
                r.group,
                r.domain,
                r.timestampMillis,
                r.hasTimestamp,
                StratumColumn.of(stratum, r)));
      } catch (RowRejectedException rejected) {
        // The main pass rejects this row with its reason.
      }
    }
  }

  /** Carries a subtask's planning accumulator to the client, merged over all subtasks. */
  static final class PlanAccumulator implements Accumulator<SplitFields, PlanningAccumulator> {
    private static final long serialVersionUID = 1L;

    private final PlannedSpec spec;
    private PlanningAccumulator value;

    PlanAccumulator(PlannedSpec spec) {
      this.spec = spec;
      this.value = spec.newAccumulator();
    }

    @Override
    public void add(SplitFields fields) {
      value.add(fields);
    }

    @Override
    public PlanningAccumulator getLocalValue() {
      return value;
    }

    @Override
    public void resetLocal() {
      value = spec.newAccumulator();
    }

    @Override
    public void merge(Accumulator<SplitFields, PlanningAccumulator> other) {
      value.merge(other.getLocalValue());
    }

    @Override
    public PlanAccumulator clone() {
      PlanAccumulator copy = new PlanAccumulator(spec);
      copy.value.merge(value);
      return copy;
    }
  }
}
