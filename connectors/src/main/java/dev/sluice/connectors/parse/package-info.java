/**
 * Turning raw rows into records: a validated {@link dev.sluice.connectors.parse.SchemaMapping}, the
 * {@link dev.sluice.connectors.parse.RowParser}s made by {@link
 * dev.sluice.connectors.parse.RowParsers}, and rejections ({@link
 * dev.sluice.connectors.parse.RejectReason}, {@link dev.sluice.connectors.parse.RejectedRow}) for
 * {@code OUTPUT/_rejected/}.
 */
package dev.sluice.connectors.parse;
