package dev.sluice.jobs.pipeline;

import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.parse.RejectedRow;
import dev.sluice.connectors.parse.RowParser;
import dev.sluice.connectors.parse.RowParsers;
import dev.sluice.connectors.parse.RowRejectedException;
import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.protobuf.RecordEncoder;
import dev.sluice.connectors.protobuf.ValueType;
import dev.sluice.connectors.sink.ChannelRecord;
import dev.sluice.connectors.sink.ShardNaming;
import dev.sluice.connectors.source.RawRow;
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
 * The per-record heart of the job: parse a raw row, assign it a channel, encode it as a
 * RecordIO-protobuf {@code Record}. A row that cannot be parsed or assigned goes to the {@link
 * #REJECTED} side output with its reason; a row inside a time gap is counted and dropped. Every row
 * read ends in exactly one of these, and the counts say so.
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

  private final SchemaMapping schema;
  private final Splitter splitter;
  private final List<Channel> channels;
  private final int shardsPerChannel;
  private final RejectedFractionGuard rejectedGuard;
  private final StratumColumn stratum;

  private transient RowParser parser;
  private transient RecordEncoder encoder;
  private transient ChannelRecord out;
  private transient String[][] buckets;
  private transient int[] nextShard;
  private transient AuditAccumulator audit;
  private transient LeakageAuditor auditor;
  private transient LongCounter rowsRead;
  private transient LongCounter rowsRejected;
  private transient LongCounter[] written;
  private transient Counter[] writtenMetric;
  private transient MetricGroup rejectMetrics;
  private transient Map<String, Rejections> rejections;

  /**
   * @param shardsPerChannel 1 to write each channel's shards directly under its prefix; more to
   *     spread them over that many {@code shard-NNN} folders ({@code sink.min-shards-per-channel})
   * @param rejectedGuard fails a continuous run whose rejected share passes the limit; bounded runs
   *     check the exact share at the end instead
   */
  public RouteRecords(
      SchemaMapping schema,
      Splitter splitter,
      List<Channel> channels,
      int shardsPerChannel,
      RejectedFractionGuard rejectedGuard) {
    this(schema, splitter, channels, shardsPerChannel, rejectedGuard, null);
  }

  /** As above, with the {@code split.stratify-by} column (null when not stratified). */
  public RouteRecords(
      SchemaMapping schema,
      Splitter splitter,
      List<Channel> channels,
      int shardsPerChannel,
      RejectedFractionGuard rejectedGuard,
      StratumColumn stratum) {
    this.schema = schema;
    this.splitter = splitter;
    this.channels = List.copyOf(channels);
    this.shardsPerChannel = shardsPerChannel;
    this.rejectedGuard = rejectedGuard;
    this.stratum = stratum;
  }

  @Override
  public void open(OpenContext context) {
    parser = RowParsers.create(schema);
    encoder = new RecordEncoder();
    out = new ChannelRecord();
    buckets = new String[channels.size()][shardsPerChannel];
    nextShard = new int[channels.size()];
    for (int c = 0; c < channels.size(); c++) {
      for (int s = 0; s < shardsPerChannel; s++) {
        String name = channels.get(c).name();
        buckets[c][s] = shardsPerChannel == 1 ? name : ShardNaming.shardBucket(name, s);
      }
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
      case CHANNEL -> write(record, uid, assignment.channelIndex(), collector);
      case EXCLUDED_BY_GAP, EXCLUDED_CROSS_DOMAIN -> {
        // Counted by the auditor and reported; an excluded record is deliberately not written.
      }
      case REJECTED -> reject(context, splitRejection(row, assignment.reason()));
    }
    rejectedGuard.check(rowsRead.getLocalValue(), rowsRejected.getLocalValue());
  }

  private void write(
      ParsedRecord record, String uid, int channel, Collector<ChannelRecord> collector) {
    RecordEncoder encoder = this.encoder.reset();
    ValueType type = ValueTypes.of(record.featureType);
    if (record.isSparse()) {
      encoder.sparseFeature(
          RecordEncoder.DEFAULT_NAME,
          type,
          record.sparseValues,
          record.sparseKeys,
          0,
          record.sparseKeys.length,
          record.dimension);
    } else {
      encoder.denseFeature(
          RecordEncoder.DEFAULT_NAME, type, record.features, 0, record.features.length);
    }
    if (record.label != null) {
      // Built-in algorithms read a float32 label["values"], scalar or vector.
      if (record.label.length == 1) {
        encoder.scalarLabel(ValueType.FLOAT32, record.label[0]);
      } else {
        encoder.denseLabel(
            RecordEncoder.DEFAULT_NAME, ValueType.FLOAT32, record.label, 0, record.label.length);
      }
    }
    encoder.uid(uid);

    out.bucket = buckets[channel][nextShard(channel)];
    out.payload = encoder.array();
    out.length = encoder.length();
    written[channel].add(1L);
    writtenMetric[channel].inc();
    collector.collect(out);
  }

  /**
   * The shard folder of the channel's next record: round robin, so that a subtask that writes k
   * records of a channel fills min(k, N) folders, each with its own shard, and a channel of at
   * least N records gets at least N shards wherever its records are read. Which folder a record
   * lands in is not part of the split; its channel is.
   */
  private int nextShard(int channel) {
    int shard = nextShard[channel];
    nextShard[channel] = shard + 1 == shardsPerChannel ? 0 : shard + 1;
    return shard;
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
