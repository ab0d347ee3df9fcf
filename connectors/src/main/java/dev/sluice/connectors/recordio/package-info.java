/**
 * dmlc-core RecordIO framing, as read by SageMaker's built-in algorithms: {@link
 * dev.sluice.connectors.recordio.RecordIOWriter}, {@link
 * dev.sluice.connectors.recordio.RecordIOReader} and the dmlc {@code InputSplit} boundary rule
 * {@link dev.sluice.connectors.recordio.DmlcRecordIOSplit}.
 */
package dev.sluice.connectors.recordio;
