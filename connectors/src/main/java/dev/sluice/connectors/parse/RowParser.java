package dev.sluice.connectors.parse;

import dev.sluice.connectors.source.RawRow;

/**
 * Turns a raw row into a record or rejects it. Instances keep scratch buffers and caches and are
 * not thread-safe: make one per operator instance (e.g. in {@code open()}), via {@link
 * RowParsers#create(SchemaMapping)}.
 */
public interface RowParser {

  /**
   * Parses one row.
   *
   * @throws RowRejectedException when the row is bad; its message names object, line and field
   */
  ParsedRecord parse(RawRow row) throws RowRejectedException;
}
