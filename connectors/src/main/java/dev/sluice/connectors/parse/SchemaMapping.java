package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.SourceFormat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How raw rows map to records: the format and its options ({@code source.*}), and which columns
 * hold the id, timestamp, group, domain, label(s) and features ({@code schema.*}). Immutable and
 * validated once by {@link Builder#build()}, which reports every problem at once.
 *
 * <p>Columns are names (CSV header names, JSON field names) or 0-based indices written {@code #3}
 * (CSV only). Features are a list of columns or "all remaining columns": every column not used as
 * id, timestamp, group, domain or label, in column order.
 */
public final class SchemaMapping implements Serializable {

  private static final long serialVersionUID = 1L;

  private final SourceFormat format;
  private final boolean csvHeader;
  private final char csvDelimiter;
  private final char csvQuote;
  private final long libsvmDimension;
  private final boolean libsvmZeroBased;
  private final ColumnRef id;
  private final ColumnRef timestamp;
  private final TimestampFormat timestampFormat;
  private final ColumnRef group;
  private final ColumnRef domain;
  private final List<ColumnRef> labels;
  private final List<ColumnRef> features;
  private final FeatureType featureType;
  private final boolean allowNonFinite;
  private final long featureDimension;

  private SchemaMapping(Builder b) {
    this.format = b.format;
    this.csvHeader = b.csvHeader;
    this.csvDelimiter = b.csvDelimiter;
    this.csvQuote = b.csvQuote;
    this.libsvmDimension = b.libsvmDimension;
    this.libsvmZeroBased = b.libsvmZeroBased;
    this.id = b.id;
    this.timestamp = b.timestamp;
    this.timestampFormat = b.timestampFormat;
    this.group = b.group;
    this.domain = b.domain;
    this.labels = List.copyOf(b.labels);
    this.features = b.features == null ? null : List.copyOf(b.features);
    this.featureType = b.featureType;
    this.allowNonFinite = b.allowNonFinite;
    this.featureDimension = b.featureDimension;
  }

  /** A builder for the given {@code source.format}. */
  public static Builder builder(SourceFormat format) {
    return new Builder(format);
  }

  /** {@code source.format}. */
  public SourceFormat format() {
    return format;
  }

  /** {@code source.csv.header}. */
  public boolean csvHeader() {
    return csvHeader;
  }

  /** {@code source.csv.delimiter}. */
  public char csvDelimiter() {
    return csvDelimiter;
  }

  /** {@code source.csv.quote}. */
  public char csvQuote() {
    return csvQuote;
  }

  /** {@code source.libsvm.dimension}; 0 when not LibSVM. */
  public long libsvmDimension() {
    return libsvmDimension;
  }

  /** {@code source.libsvm.zero-based}. */
  public boolean libsvmZeroBased() {
    return libsvmZeroBased;
  }

  /** {@code schema.id}; absent means the uid is {@code <object>:<line>}. */
  public Optional<ColumnRef> id() {
    return Optional.ofNullable(id);
  }

  /** {@code schema.timestamp}. */
  public Optional<ColumnRef> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /** {@code schema.timestamp-format}. */
  public TimestampFormat timestampFormat() {
    return timestampFormat;
  }

  /** {@code schema.group}. */
  public Optional<ColumnRef> group() {
    return Optional.ofNullable(group);
  }

  /** {@code schema.domain}. */
  public Optional<ColumnRef> domain() {
    return Optional.ofNullable(domain);
  }

  /** {@code schema.label}; empty for unsupervised data. */
  public List<ColumnRef> labels() {
    return labels;
  }

  /** Whether features are all remaining columns ({@code schema.features = "*"}). */
  public boolean allRemainingFeatures() {
    return features == null;
  }

  /** {@code schema.features} when listed; empty when all remaining columns are features. */
  public List<ColumnRef> features() {
    return features == null ? List.of() : features;
  }

  /** {@code schema.feature-type}. */
  public FeatureType featureType() {
    return featureType;
  }

  /** {@code schema.allow-non-finite}. */
  public boolean allowNonFinite() {
    return allowNonFinite;
  }

  /**
   * {@code schema.feature-dimension}: the number of dense features every row must have, or 0 when
   * unset (then the object's first row fixes it: the CSV header, the first JSON line or Avro
   * record).
   */
  public long featureDimension() {
    return featureDimension;
  }

  /** The columns used for anything but features, in a fixed order (id, timestamp, group, ...). */
  List<ColumnRef> nonFeatureColumns() {
    List<ColumnRef> used = new ArrayList<>();
    if (id != null) {
      used.add(id);
    }
    if (timestamp != null) {
      used.add(timestamp);
    }
    if (group != null) {
      used.add(group);
    }
    if (domain != null) {
      used.add(domain);
    }
    used.addAll(labels);
    return used;
  }

  @Override
  public String toString() {
    return "SchemaMapping{format="
        + format.configName()
        + ", id="
        + id
        + ", timestamp="
        + timestamp
        + "("
        + timestampFormat.configName()
        + "), group="
        + group
        + ", domain="
        + domain
        + ", labels="
        + labels
        + ", features="
        + (features == null ? "*" : features)
        + ", type="
        + featureType.configName()
        + "}";
  }

  /** Collects the settings; {@link #build()} validates them all at once. */
  public static final class Builder {
    private final SourceFormat format;
    private boolean csvHeader = true;
    private char csvDelimiter = ',';
    private char csvQuote = '"';
    private long libsvmDimension;
    private boolean libsvmZeroBased;
    private ColumnRef id;
    private ColumnRef timestamp;
    private TimestampFormat timestampFormat = TimestampFormat.ISO;
    private ColumnRef group;
    private ColumnRef domain;
    private List<ColumnRef> labels = List.of();
    private List<ColumnRef> features;
    private FeatureType featureType = FeatureType.FLOAT32;
    private boolean allowNonFinite;
    private long featureDimension;
    private final List<String> problems = new ArrayList<>();

    private Builder(SourceFormat format) {
      if (format == null) {
        throw new IllegalArgumentException("source.format is required");
      }
      this.format = format;
    }

    /** {@code source.csv.header}, default true. */
    public Builder csvHeader(boolean header) {
      this.csvHeader = header;
      return this;
    }

    /** {@code source.csv.delimiter}, default {@code ,}. */
    public Builder csvDelimiter(char delimiter) {
      this.csvDelimiter = delimiter;
      return this;
    }

    /** {@code source.csv.quote}, default {@code "}. */
    public Builder csvQuote(char quote) {
      this.csvQuote = quote;
      return this;
    }

    /** {@code source.libsvm.dimension}, required for LibSVM. */
    public Builder libsvmDimension(long dimension) {
      this.libsvmDimension = dimension;
      return this;
    }

    /** {@code source.libsvm.zero-based}, default false (indices start at 1). */
    public Builder libsvmZeroBased(boolean zeroBased) {
      this.libsvmZeroBased = zeroBased;
      return this;
    }

    /** {@code schema.id}. */
    public Builder id(String column) {
      this.id = column("schema.id", column);
      return this;
    }

    /** {@code schema.timestamp}. */
    public Builder timestamp(String column) {
      this.timestamp = column("schema.timestamp", column);
      return this;
    }

    /** {@code schema.timestamp-format}, default iso. */
    public Builder timestampFormat(TimestampFormat format) {
      this.timestampFormat = format;
      return this;
    }

    /** {@code schema.group}. */
    public Builder group(String column) {
      this.group = column("schema.group", column);
      return this;
    }

    /** {@code schema.domain}. */
    public Builder domain(String column) {
      this.domain = column("schema.domain", column);
      return this;
    }

    /** {@code schema.label}: one or more columns; none for unsupervised data. */
    public Builder labels(List<String> columns) {
      this.labels = columns("schema.label", columns);
      return this;
    }

    /** {@code schema.label} with one column. */
    public Builder label(String column) {
      return labels(List.of(column));
    }

    /** {@code schema.features} as a list of columns; {@code ["*"]} means all remaining. */
    public Builder features(List<String> columns) {
      if (columns.size() == 1 && "*".equals(columns.get(0).trim())) {
        this.features = null;
      } else {
        this.features = columns("schema.features", columns);
      }
      return this;
    }

    /** {@code schema.features = "*"}: every column not otherwise used, the default. */
    public Builder allRemainingFeatures() {
      this.features = null;
      return this;
    }

    /** {@code schema.feature-type}, default float32. */
    public Builder featureType(FeatureType type) {
      this.featureType = type;
      return this;
    }

    /** {@code schema.allow-non-finite}, default false. */
    public Builder allowNonFinite(boolean allow) {
      this.allowNonFinite = allow;
      return this;
    }

    /** {@code schema.feature-dimension}; 0 (the default) leaves it to each object's first row. */
    public Builder featureDimension(long dimension) {
      this.featureDimension = dimension;
      return this;
    }

    private ColumnRef column(String key, String written) {
      if (written == null) {
        return null;
      }
      try {
        return ColumnRef.parse(written);
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
        return null;
      }
    }

    private List<ColumnRef> columns(String key, List<String> written) {
      List<ColumnRef> refs = new ArrayList<>();
      for (String w : written) {
        ColumnRef ref = column(key, w);
        if (ref != null) {
          refs.add(ref);
        }
      }
      return refs;
    }

    /**
     * The mapping.
     *
     * @throws InvalidSchemaMappingException listing every problem, each naming its key
     */
    public SchemaMapping build() {
      List<String> all = new ArrayList<>(problems);
      if (timestampFormat == null) {
        all.add("schema.timestamp-format must be iso, epoch-seconds or epoch-millis");
      }
      if (featureType == null) {
        all.add("schema.feature-type must be float32, float64 or int32");
      }
      if (features != null && features.isEmpty()) {
        all.add("schema.features must list at least one column, or be \"*\" for all remaining");
      }
      if (featureDimension < 0) {
        all.add("schema.feature-dimension must be positive, got " + featureDimension);
      }
      if (featureDimension > 0 && format == SourceFormat.LIBSVM) {
        all.add(
            "schema.feature-dimension does not apply to source.format=libsvm: its sparse"
                + " dimension is source.libsvm.dimension");
      }
      checkDistinct(all);
      switch (format) {
        case CSV -> checkCsv(all);
        case JSONL, AVRO -> checkNamesOnly(all);
        case LIBSVM -> checkLibsvm(all);
      }
      if (!all.isEmpty()) {
        throw new InvalidSchemaMappingException(all);
      }
      return new SchemaMapping(this);
    }

    private void checkDistinct(List<String> all) {
      Set<ColumnRef> seen = new HashSet<>();
      addRole(all, seen, "schema.id", id);
      addRole(all, seen, "schema.timestamp", timestamp);
      addRole(all, seen, "schema.group", group);
      addRole(all, seen, "schema.domain", domain);
      for (ColumnRef label : labels) {
        addRole(all, seen, "schema.label", label);
      }
      if (features != null) {
        for (ColumnRef feature : features) {
          addRole(all, seen, "schema.features", feature);
        }
      }
    }

    private static void addRole(List<String> all, Set<ColumnRef> seen, String key, ColumnRef ref) {
      if (ref != null && !seen.add(ref)) {
        all.add(key + ": column '" + ref + "' is used twice in the schema mapping");
      }
    }

    private void checkCsv(List<String> all) {
      if (csvDelimiter == csvQuote) {
        all.add(
            "source.csv.delimiter and source.csv.quote must differ, both are '"
                + csvDelimiter
                + "'");
      }
      for (char c : new char[] {csvDelimiter, csvQuote}) {
        if (c == '\n' || c == '\r') {
          all.add("source.csv.delimiter and source.csv.quote cannot be a line break");
        }
      }
      if (!csvHeader) {
        for (ColumnRef ref : allRefs()) {
          if (!ref.isIndex()) {
            all.add(
                "column '"
                    + ref
                    + "' is a name, but source.csv.header is false: write columns as 0-based"
                    + " indices such as #3");
          }
        }
      }
    }

    private void checkNamesOnly(List<String> all) {
      for (ColumnRef ref : allRefs()) {
        if (ref.isIndex()) {
          all.add(
              "column '"
                  + ref
                  + "' is an index, but source.format="
                  + format.configName()
                  + " has named fields only: use the field name");
        }
      }
    }

    private void checkLibsvm(List<String> all) {
      if (libsvmDimension <= 0) {
        all.add(
            "source.libsvm.dimension is required for source.format=libsvm and must be positive,"
                + " got "
                + libsvmDimension);
      }
      if (id != null || timestamp != null || group != null || domain != null) {
        all.add(
            "source.format=libsvm rows have no id, timestamp, group or domain columns: leave"
                + " schema.id, schema.timestamp, schema.group and schema.domain unset");
      }
      if (features != null) {
        all.add("source.format=libsvm: schema.features must be \"*\" (the sparse entries)");
      }
      if (!labels.isEmpty()
          && !(labels.size() == 1 && labels.get(0).equals(ColumnRef.parse("#0")))) {
        all.add(
            "source.format=libsvm: the label is the first token; schema.label must be unset or #0");
      }
    }

    private List<ColumnRef> allRefs() {
      List<ColumnRef> refs = new ArrayList<>();
      for (ColumnRef ref : new ColumnRef[] {id, timestamp, group, domain}) {
        if (ref != null) {
          refs.add(ref);
        }
      }
      refs.addAll(labels);
      if (features != null) {
        refs.addAll(features);
      }
      return refs;
    }
  }
}
