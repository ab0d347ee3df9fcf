package dev.sluice.connectors.parse;

/** Creates the parser for a schema mapping's format. */
public final class RowParsers {

  private RowParsers() {}

  /**
   * A new parser for the mapping: CSV, JSON Lines, LibSVM, or for Avro the JSON Lines parser over
   * the records' JSON rendering.
   */
  public static RowParser create(SchemaMapping mapping) {
    return switch (mapping.format()) {
      case CSV -> new CsvRowParser(mapping);
      case JSONL, AVRO -> new JsonLinesRowParser(mapping);
      case LIBSVM -> new LibSvmRowParser(mapping);
    };
  }
}
