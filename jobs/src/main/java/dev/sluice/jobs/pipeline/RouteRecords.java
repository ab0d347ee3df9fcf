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
import dev.sluice.connectors.sink.ShardFormat;
import dev.sluice.connectors.sink.ShuffleOrder;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.jobs.target.LabelCheck;
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
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-record heart of the job: parse a raw row, assign it a channel, encode it in the shard
 * format ({@code sink.format}). A row that cannot be parsed or assigned, or whose label the target
 * algorithm cannot train on, goes to the {@link #REJECTED} side output with its reason; a row
 * inside a time gap is counted and dropped. Every row read ends in exactly one of these, and the
 * counts say so. The records leave with their channel as bucket; the sink spreads them over shard
 * folders.
 *
 * <p>Source, router and sink are chained, so rows are not serialised between them; the router
 * reuses its encoder buffer and output record (see {@link ChannelRecord}).
 */
public final class RouteRecords extends ProcessFunction<RawRow, ChannelRecord> {
  private static final long serialVersionUID = 1L;

  /** Rows that could not become records, with object, line and reason. */
  public static final OutputTag<RejectedRow> REJECTED =
      new OutputTag<>(
          "rejected", org.apache.flink.api.common.typeinfo.TypeInformation.of(RejectedRow.class));

  /** Accumulator names the runner reads back. */
  public static final String ROWS_READ = "sluice.rows-read";

  public static final String ROWS_REJECTED = "sluice.rows-rejected";
  public static final String AUDIT = "sluice.audit";

  /** Prefix of the per-channel written-records accumulators ({@code sluice.written.train}). */
  public static final String WRITTEN_PREFIX = "sluice.written.";

  /** Prefix of the per-reason rejected-rows accumulators ({@code sluice.rejected.non_finite}). */
  public static final String REJECTED_PREFIX = "sluice.rejected.";

  /**
   * Prefix of the per-channel {@link ChannelStatistics} accumulators ({@code
   * sluice.estimator.train}).
   */
  public static final String ESTIMATOR_PREFIX = "sluice.estimator.";

  private final SchemaMapping schema;
  private final Splitter splitter;
  private final List<Channel> channels;
  private final ShardFormat format;
  private final LabelCheck labelCheck;
  private final boolean shuffle;
  private final long shuffleSeed;
  private final RejectedFractionGuard rejectedGuard;

  private transient RowParser parser;
  private transient ShardEncoder encoder;
  private transient ChannelRecord out;
  private transient String[] buckets;
  private transient ChannelStatisticsAccumulator[] statistics;
  private transient AuditAccumulator audit;
  private transient LeakageAuditor auditor;
  private transient LongCounter rowsRead;
  private transient LongCounter rowsRejected;
  private transient LongCounter[] written;
  private transient Counter[] writtenMetric;
  private transient MetricGroup rejectMetrics;
  private transient Map<String, Rejections> rejections;

  /**
   * @param format the shard format the records are encoded in
   * @param labelCheck rejects labels the target algorithm cannot train on
   * @param shuffle whether each record carries its place in the shuffled order ({@link
   *     ChannelRecord#order}, a hash of its uid salted with {@code shuffleSeed})
   * @param rejectedGuard fails a continuous run whose rejected share passes the limit; bounded runs
   *     check the exact share at the end instead
   */
  public RouteRecords(
      SchemaMapping schema,
      Splitter splitter,
      List<Channel> channels,
      ShardFormat format,
      LabelCheck labelCheck,
      boolean shuffle,
      long shuffleSeed,
      RejectedFractionGuard rejectedGuard) {
    this.schema = schema;
    this.splitter = splitter;
    this.channels = List.copyOf(channels);
    this.format = format;
    this.labelCheck = labelCheck;
    this.shuffle = shuffle;
    this.shuffleSeed = shuffleSeed;
    this.rejectedGuard = rejectedGuard;
  }

  @Override
  public void open(OpenContext context) {
    parser = RowParsers.create(schema);
    encoder = format.newEncoder();
    out = new ChannelRecord();
    buckets = new String[channels.size()];
    statistics = new ChannelStatisticsAccumulator[channels.size()];
    for (int c = 0; c < channels.size(); c++) {
      buckets[c] = channels.get(c).name();
      statistics[c] = new ChannelStatisticsAccumulator();
    }
    audit = new AuditAccumulator(splitter.expectations());
    auditor = audit.auditor();
    rowsRead = getRuntimeContext().getLongCounter(ROWS_READ);
    rowsRejected = getRuntimeContext().getLongCounter(ROWS_REJECTED);

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

  /**
   * Hands the audit to Flink once the input is done. Registered any earlier, it would travel with
   * every heartbeat, and it holds an entry per group; the client reads it only at the end.
   */
  @Override
  public void close() {
    if (audit != null) {
      getRuntimeContext().addAccumulator(AUDIT, audit);
      for (int c = 0; c < channels.size(); c++) {
        getRuntimeContext()
            .addAccumulator(ESTIMATOR_PREFIX + channels.get(c).name(), statistics[c]);
      }
    }
  }

  @Override
  public void processElement(RawRow row, Context context, Collector<ChannelRecord> collector) {
    rowsRead.add(1L);
    ParsedRecord record;
    try {
      record = parser.parse(row);
    } catch (RowRejectedException rejection) {
      reject(context, RejectedRow.of(row, rejection));
      return;
    }
    String labelProblem = labelCheck.rejectReason(record.label);
    if (labelProblem != null) {
      reject(context, labelRejection(row, record, labelProblem));
      return;
    }
    // The uid is the random split's key too (<object>:<line> unless an id is mapped): built once.
    String uid = record.uid();
    SplitFields fields =
        new SplitFields(
            uid, record.group, record.domain, record.timestampMillis, record.hasTimestamp);
    Assignment assignment = splitter.assign(fields);
    auditor.record(fields, assignment);
    switch (assignment.kind()) {
      case CHANNEL -> write(record, uid, assignment.channelIndex(), collector);
      case EXCLUDED_BY_GAP -> {
        // Counted by the auditor and reported; a gap record is deliberately not written.
      }
      case REJECTED -> reject(context, splitRejection(row, assignment.reason()));
    }
    rejectedGuard.check(rowsRead.getLocalValue(), rowsRejected.getLocalValue());
  }

  private void write(
      ParsedRecord record, String uid, int channel, Collector<ChannelRecord> collector) {
    encoder.encode(record, uid);
    statistics[channel].statistics().add(record);
    out.bucket = buckets[channel];
    out.payload = encoder.array();
    out.length = encoder.length();
    out.order = shuffle ? ShuffleOrder.of(shuffleSeed, uid) : 0L;
    written[channel].add(1L);
    writtenMetric[channel].inc();
    collector.collect(out);
  }

  private void reject(Context context, RejectedRow rejected) {
    rowsRejected.add(1L);
    rejections.computeIfAbsent(rejected.reason, this::rejectionsFor).add();
    context.output(REJECTED, rejected);
  }

  private Rejections rejectionsFor(String reason) {
    return new Rejections(
        getRuntimeContext().getLongCounter(REJECTED_PREFIX + reason),
        rejectMetrics.addGroup("reject_reason", reason).counter("rows"));
  }

  /** The accumulator (for the report) and the metric (for dashboards) of one reject reason. */
  private record Rejections(LongCounter accumulator, Counter metric) {
    void add() {
      accumulator.add(1L);
      metric.inc();
    }
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
            + labelCheck.expected(reason),
        row.text);
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
