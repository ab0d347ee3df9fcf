/**
 * Reading raw rows from objects on any Flink filesystem: {@link
 * dev.sluice.connectors.source.RawRowSources} builds the {@code FileSource} of {@link
 * dev.sluice.connectors.source.RawRow}s (object URI, line, text, CSV header) for CSV, JSON Lines,
 * LibSVM ({@link dev.sluice.connectors.source.TextLineFormat}) and Avro ({@link
 * dev.sluice.connectors.source.AvroRowFormat}), bounded or continuous.
 */
package dev.sluice.connectors.source;
