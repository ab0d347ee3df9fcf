package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.jobs.publish.JsonFiles;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.SplitPlan;
import dev.sluice.splitters.SplitSpec;
import dev.sluice.splitters.group.BalancedGroupPlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.InputSelectable;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The routing step of a split planned inside the same job: its second input is the plan, broadcast,
 * and it reads that input to its end before it reads a single row (it selects its inputs, as
 * Flink's own broadcast operators do in BATCH mode since FLINK-20491), so every row is routed by
 * the plan.
 */
public final class RouteRecordsByPlan extends Routing
    implements TwoInputStreamOperator<RawRow, SplitPlan, ChannelRecord>,
        BoundedMultiInput,
        InputSelectable {
  private static final long serialVersionUID = 1L;

  private final SplitSpec spec;
  private transient boolean planned;

  public RouteRecordsByPlan(SchemaMapping schema, SplitSpec spec, List<Channel> channels) {
    this(schema, spec, channels, RoutingOutput.PLAIN);
  }

  /** The same, with records encoded, ordered and checked as {@code shards} says. */
  public RouteRecordsByPlan(
      SchemaMapping schema, SplitSpec spec, List<Channel> channels, RoutingOutput shards) {
    super(schema, null, channels, RejectedFractionGuard.OFF, shards);
    this.spec = spec;
  }

  @Override
  public InputSelection nextSelection() {
    return planned ? InputSelection.FIRST : InputSelection.SECOND;
  }

  @Override
  public void processElement1(StreamRecord<RawRow> element) {
    route(element);
  }

  @Override
  public void processElement2(StreamRecord<SplitPlan> element) throws Exception {
    SplitPlan plan = element.getValue();
    List<String> warnings = new ArrayList<>();
    if (plan instanceof BalancedGroupPlan balanced && !balanced.withinTolerance()) {
      warnings.add(
          "split.group.balanced: the group sizes do not allow every channel's share of records"
              + " within split.group.tolerance "
              + balanced.tolerance()
              + " of its target; the plan in this report has the realised fractions");
    }
    splitBy(
        ((PlannedSpec) spec).splitter(plan),
        JsonFiles.mapper().writeValueAsString(plan.describe()),
        warnings);
  }

  @Override
  public void endInput(int input) {
    if (input == 2) {
      planned = true;
    } else {
      endOfRows();
    }
  }
}
