/**
 * The {@code inspect} command: prints, summarises and strictly validates RecordIO-protobuf files.
 */
package dev.sluice.connectors.inspect;
