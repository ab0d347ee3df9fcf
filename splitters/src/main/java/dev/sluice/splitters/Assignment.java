package dev.sluice.splitters;

import java.io.Serializable;

/**
 * The outcome of {@link Splitter#assign}: a channel, excluded by a time gap, or rejected with a
 * reason. Splitters hand out pre-allocated instances, so an assignment allocates nothing (hashing a
 * key allocates its short-lived UTF-8 bytes); compare with {@link #kind()} and {@link
 * #channelIndex()}, not by identity.
 */
public final class Assignment implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What happened to the record. */
  public enum Kind {
    /** Goes to {@link #channel()}. */
    CHANNEL,
    /** Falls within {@code split.time.gap} before a cut-off: counted, reported, not written. */
    EXCLUDED_BY_GAP,
    /**
     * A record of a group found in several domains that {@code split.domain.cross-domain-groups =
     * evaluation-first} cannot place: its group's channel is one its own route excludes. Counted,
     * reported, not written.
     */
    EXCLUDED_CROSS_DOMAIN,
    /** Cannot be assigned; see {@link #reason()}. */
    REJECTED
  }

  /** Why a record was rejected. */
  public enum Reason {
    /** The record has no key (id or source position). */
    MISSING_KEY("record has no key (schema.id or source position)"),
    /** The group column is empty or absent. */
    MISSING_GROUP("record has no group value (schema.group)"),
    /** The timestamp column is empty, absent or unparseable. */
    MISSING_TIMESTAMP("record has no timestamp (schema.timestamp)"),
    /** The {@code split.stratify-by} column is empty or absent. */
    MISSING_STRATUM("record has no value in the split.stratify-by column"),
    /** The domain column is empty or absent, and there is no default route. */
    MISSING_DOMAIN("record has no domain value (schema.domain) and no split.domain.default-route"),
    /** The domain value has no route and there is no default route. */
    UNKNOWN_DOMAIN(
        "record's domain value has no split.domain.routes.<value> and no"
            + " split.domain.default-route");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** A sentence for the rejected-records report. */
    public String description() {
      return description;
    }
  }

  /** Excluded by the time gap. */
  public static final Assignment EXCLUDED_BY_GAP =
      new Assignment(Kind.EXCLUDED_BY_GAP, -1, null, null, false);

  /** Excluded by the evaluation-first policy for groups in several domains. */
  public static final Assignment EXCLUDED_CROSS_DOMAIN =
      new Assignment(Kind.EXCLUDED_CROSS_DOMAIN, -1, null, null, false);

  private static final Assignment[] REJECTIONS = new Assignment[Reason.values().length];

  static {
    for (Reason r : Reason.values()) {
      REJECTIONS[r.ordinal()] = new Assignment(Kind.REJECTED, -1, null, r, false);
    }
  }

  private final Kind kind;
  private final int channelIndex;
  private final Channel channel;
  private final Reason reason;
  private final boolean rerouted;

  private Assignment(Kind kind, int channelIndex, Channel channel, Reason reason, boolean rr) {
    this.kind = kind;
    this.channelIndex = channelIndex;
    this.channel = channel;
    this.reason = reason;
    this.rerouted = rr;
  }

  /** The shared rejection for {@code reason}. */
  public static Assignment rejected(Reason reason) {
    return REJECTIONS[reason.ordinal()];
  }

  /**
   * One assignment per channel, index-aligned, for a splitter to keep and hand out. {@code
   * rerouted} marks records routed by their group's anchor domain rather than their own (see {@code
   * DomainSplitter}).
   */
  public static Assignment[] table(ChannelFractions channels, boolean rerouted) {
    return table(channels.channels(), rerouted);
  }

  /** As {@link #table(ChannelFractions, boolean)}, for channels without fractions. */
  public static Assignment[] table(java.util.List<Channel> channels, boolean rerouted) {
    Assignment[] table = new Assignment[channels.size()];
    for (int i = 0; i < table.length; i++) {
      table[i] = new Assignment(Kind.CHANNEL, i, channels.get(i), null, rerouted);
    }
    return table;
  }

  /** What happened to the record. */
  public Kind kind() {
    return kind;
  }

  /** True when the record goes to a channel. */
  public boolean isChannel() {
    return kind == Kind.CHANNEL;
  }

  /** Index of the channel in the split's channel order, or -1. */
  public int channelIndex() {
    return channelIndex;
  }

  /** The channel, or null when not {@link Kind#CHANNEL}. */
  public Channel channel() {
    return channel;
  }

  /** The rejection reason, or null when not {@link Kind#REJECTED}. */
  public Reason reason() {
    return reason;
  }

  /**
   * True when a domain split sent this record by its group's anchor domain's routing table, not its
   * own domain's table (cross-domain group rule). The auditor counts these separately.
   */
  public boolean isRerouted() {
    return rerouted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Assignment a
        && a.kind == kind
        && a.channelIndex == channelIndex
        && a.reason == reason
        && a.rerouted == rerouted
        && java.util.Objects.equals(a.channel, channel);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, channelIndex, reason, rerouted);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CHANNEL -> channel.name() + (rerouted ? " (rerouted by group anchor)" : "");
      case EXCLUDED_BY_GAP -> "excluded-by-gap";
      case EXCLUDED_CROSS_DOMAIN -> "excluded-cross-domain";
      case REJECTED -> "rejected: " + reason.description();
    };
  }
}
