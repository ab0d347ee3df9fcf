package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.parse.RejectedRow;
import dev.sluice.connectors.parse.RowParser;
import dev.sluice.connectors.parse.RowParsers;
import dev.sluice.connectors.parse.RowRejectedException;
import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.sink.ChannelStatistics;
import dev.sluice.connectors.sink.ShardEncoder;
import dev.sluice.connectors.sink.ShuffleOrder;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.jobs.publish.RunTally;
import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.Channel;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.audit.LeakageAuditor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The per-record heart of the job: parse a raw row, assign it a channel, encode it in the shard
 * format ({@code sink.format}) and hand it to the channel sink with its place in the shuffled
 * order. A row that cannot be parsed or assigned, or whose label the target algorithm cannot train
 * on, goes to the {@link #REJECTED} side output with its reason; a row inside a time gap is counted
 * and dropped. Every row read ends in exactly one of these, and the counts say so. Each channel's
 * {@link ChannelStatistics} travel in the tally.
 *
 * <p>The counts travel in-band: before each checkpoint's barrier, and at the end of the input, the
 * operator sends a {@link RunTally} of the rows since the last one down the channel stream as an
 * attachment, which the channel sink hands to the publisher with the shards of the same checkpoint.
 * It is an operator rather than a function for those two moments.
 *
 * <p>Source, router and sink are chained, so rows are not serialised between them; the router
 * reuses its encoder buffer and output record (see {@link ChannelRecord}).
 */
public abstract class Routing extends AbstractStreamOperator<ChannelRecord> {
  private static final long serialVersionUID = 1L;

  /** Rows that could not become records, with object, line and reason. */
  public static final OutputTag<RejectedRow> REJECTED =
      new OutputTag<>(
          "rejected", org.apache.flink.api.common.typeinfo.TypeInformation.of(RejectedRow.class));

  /** Accumulator names the local progress line reads. */
  public static final String ROWS_READ = "sluice.rows-read";

  public static final String ROWS_REJECTED = "sluice.rows-rejected";

  /** Prefix of the per-channel written-records accumulators ({@code sluice.written.train}). */
  public static final String WRITTEN_PREFIX = "sluice.written.";

  private final SchemaMapping schema;
  private Splitter splitter;
  private final List<Channel> channels;
  private final RejectedFractionGuard rejectedGuard;
  private final RoutingOutput shards;
  private StratumColumn stratum;

  private transient RowParser parser;
  private transient ShardEncoder encoder;
  private transient ChannelStatistics[] statistics;
  private transient ChannelRecord out;
  private transient StreamRecord<ChannelRecord> outRecord;
  private transient String[] channelNames;
  private RunTally tally;
  private transient LeakageAuditor auditor;
  private transient long rowsRead;
  private transient long rowsRejected;
  private transient LongCounter rowsReadProgress;
  private transient LongCounter rowsRejectedProgress;
  private transient LongCounter[] written;
  private transient Counter[] writtenMetric;
  private transient MetricGroup rejectMetrics;
  private transient Map<String, Counter> rejections;

  /**
   * @param rejectedGuard fails a continuous run whose rejected share passes the limit; bounded runs
   *     check the exact share at the end instead
   */
  Routing(
      SchemaMapping schema,
      Splitter splitter,
      List<Channel> channels,
      RejectedFractionGuard rejectedGuard,
      RoutingOutput shards) {
    this.schema = schema;
    this.splitter = splitter;
    this.channels = List.copyOf(channels);
    this.rejectedGuard = rejectedGuard;
    this.shards = shards;
  }

  /** Gives each record its {@code split.stratify-by} class; null when not stratified. */
  void stratifyBy(StratumColumn stratum) {
    this.stratum = stratum;
  }

  @Override
  public void open() throws Exception {
    super.open();
    parser = RowParsers.create(schema);
    encoder = shards.format().newEncoder();
    out = new ChannelRecord();
    outRecord = new StreamRecord<>(out);
    channelNames = new String[channels.size()];
    for (int c = 0; c < channels.size(); c++) {
      channelNames[c] = channels.get(c).name();
    }
    statistics = new ChannelStatistics[channels.size()];
    if (splitter != null) {
      newTally();
    }
    rowsReadProgress = getRuntimeContext().getLongCounter(ROWS_READ);
    rowsRejectedProgress = getRuntimeContext().getLongCounter(ROWS_REJECTED);

    MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("sluice");
    written = new LongCounter[channels.size()];
    writtenMetric = new Counter[channels.size()];
    for (int c = 0; c < channels.size(); c++) {
      String name = channels.get(c).name();
      written[c] = getRuntimeContext().getLongCounter(WRITTEN_PREFIX + name);
      writtenMetric[c] = metrics.addGroup("channel", name).counter("records");
    }
    rejectMetrics = metrics;
    rejections = new HashMap<>();
  }

  private void newTally() {
    tally = new RunTally(splitter.expectations());
    auditor = tally.auditor();
    // Looked up once per tally, not per record.
    for (int c = 0; c < channelNames.length; c++) {
      statistics[c] = tally.statistics(channelNames[c]);
    }
  }

  /**
   * Routes by {@code splitter} from now on: a split planned inside the job gets its splitter once
   * the plan arrives, before any row.
   */
  void splitBy(Splitter splitter, String planJson, List<String> planWarnings) {
    this.splitter = splitter;
    newTally();
    tally.plan(planJson, planWarnings);
  }

  /** The rows since the last tally go with this checkpoint's shards. */
  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    sendTally();
  }

  /** The end of the rows: their last tally goes with the final commit. */
  void endOfRows() {
    sendTally();
  }

  private void sendTally() {
    if (tally == null) {
      throw new IllegalStateException("rows ended before the split was planned");
    }
    output.collect(new StreamRecord<>(ChannelRecord.attachment(tally.toBytes())));
    newTally();
  }

  void route(StreamRecord<RawRow> element) {
    RawRow row = element.getValue();
    tally.read();
    rowsRead++;
    rowsReadProgress.add(1L);
    ParsedRecord record;
    try {
      record = parser.parse(row);
    } catch (RowRejectedException rejection) {
      reject(RejectedRow.of(row, rejection));
      return;
    }
    String labelProblem = shards.labelCheck().rejectReason(record.label);
    if (labelProblem != null) {
      reject(labelRejection(row, record, labelProblem));
      return;
    }
    // The uid is the random split's key too (<object>:<line> unless an id is mapped): built once.
    String uid = record.uid();
    SplitFields fields =
        new SplitFields(
            uid,
            record.group,
            record.domain,
            record.timestampMillis,
            record.hasTimestamp,
            StratumColumn.of(stratum, record));
    Assignment assignment = splitter.assign(fields);
    auditor.record(fields, assignment);
    switch (assignment.kind()) {
      case CHANNEL -> write(record, uid, assignment.channelIndex());
      case EXCLUDED_BY_GAP, EXCLUDED_CROSS_DOMAIN -> {
        // Counted by the auditor and reported; an excluded record is deliberately not written.
      }
      case REJECTED -> reject(splitRejection(row, assignment.reason()));
    }
    rejectedGuard.check(rowsRead, rowsRejected);
  }

  private void write(ParsedRecord record, String uid, int channel) {
    encoder.encode(record, uid);
    statistics[channel].add(record);
    // The channel; the sink picks its shard folder.
    out.bucket = channelNames[channel];
    out.payload = encoder.array();
    out.length = encoder.length();
    out.order = shards.shuffle() ? ShuffleOrder.of(shards.shuffleSeed(), uid) : 0L;
    written[channel].add(1L);
    writtenMetric[channel].inc();
    output.collect(outRecord);
  }

  private RejectedRow labelRejection(RawRow row, ParsedRecord record, String reason) {
    return new RejectedRow(
        row.object,
        row.line,
        reason,
        row.object
            + " line "
            + row.line
            + ": label "
            + java.util.Arrays.toString(record.label)
            + " is not what the target algorithm trains on; expected "
            + shards.labelCheck().expected(reason),
        row.text);
  }

  private void reject(RejectedRow rejected) {
    rowsRejected++;
    rowsRejectedProgress.add(1L);
    tally.rejected(rejected.reason);
    rejections
        .computeIfAbsent(
            rejected.reason,
            reason -> rejectMetrics.addGroup("reject_reason", reason).counter("rows"))
        .inc();
    output.collect(REJECTED, new StreamRecord<>(rejected));
  }

  private static RejectedRow splitRejection(RawRow row, Assignment.Reason reason) {
    String code = reason.name().toLowerCase(Locale.ROOT);
    return new RejectedRow(
        row.object,
        row.line,
        code,
        row.object + " line " + row.line + ": " + reason.description(),
        row.text);
  }
}
