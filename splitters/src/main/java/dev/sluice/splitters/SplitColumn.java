package dev.sluice.splitters;

/**
 * A field of the record a split reads, and the schema key that maps it to a column. A strategy
 * builder says which of these its configuration needs ({@link SpecBuilder#requiredColumns()}), so a
 * missing column is refused before any data moves.
 */
public enum SplitColumn {
  TIMESTAMP(SplitKeys.SCHEMA_TIMESTAMP, "the event-time column"),
  GROUP(SplitKeys.SCHEMA_GROUP, "the group column"),
  DOMAIN(SplitKeys.SCHEMA_DOMAIN, "the domain column");

  private final String schemaKey;
  private final String description;

  SplitColumn(String schemaKey, String description) {
    this.schemaKey = schemaKey;
    this.description = description;
  }

  /** The key that maps the column ({@code schema.group}). */
  public String schemaKey() {
    return schemaKey;
  }

  /** What the column is, for messages. */
  public String description() {
    return description;
  }
}
