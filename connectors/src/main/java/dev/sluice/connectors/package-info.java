/** Formats and I/O: RecordIO framing, the Record protobuf, parsers, sources and sinks. */
package dev.sluice.connectors;
