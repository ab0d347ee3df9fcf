/**
 * The SageMaker {@code aialgs.data.Record} payload: {@link
 * dev.sluice.connectors.protobuf.RecordEncoder} writes it straight from primitive arrays, {@link
 * dev.sluice.connectors.protobuf.RecordDecoder} parses it into the plain {@link
 * dev.sluice.connectors.protobuf.DecodedRecord} that tests and tools use.
 */
package dev.sluice.connectors.protobuf;
