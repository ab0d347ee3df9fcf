package dev.sluice.connectors.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sluice.connectors.protobuf.generated.RecordProtos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code aialgs.data.Record} payloads with the generated protobuf classes into {@link
 * DecodedRecord}s. Off the hot path: for tests, {@code inspect} and checks. Strict: a payload with
 * fields the schema does not know, or a Value with none of its kinds set, is rejected.
 */
public final class RecordDecoder {
  private RecordDecoder() {}

  public static DecodedRecord decode(byte[] payload) throws InvalidProtocolBufferException {
    return decode(payload, 0, payload.length);
  }

  public static DecodedRecord decode(byte[] payload, int offset, int length)
      throws InvalidProtocolBufferException {
    RecordProtos.Record record = RecordProtos.Record.parser().parseFrom(payload, offset, length);
    if (!record.getUnknownFields().asMap().isEmpty()) {
      throw new InvalidProtocolBufferException(
          "expected only the fields of aialgs.data.Record (1-5), found unknown field(s) "
              + record.getUnknownFields().asMap().keySet());
    }
    return new DecodedRecord(
        values("features", record.getFeaturesMap()),
        values("label", record.getLabelMap()),
        record.hasUid() ? record.getUid() : null,
        record.hasMetadata() ? record.getMetadata() : null,
        record.hasConfiguration() ? record.getConfiguration() : null);
  }

  private static Map<String, DecodedValue> values(String field, Map<String, RecordProtos.Value> map)
      throws InvalidProtocolBufferException {
    Map<String, DecodedValue> decoded = new LinkedHashMap<>();
    for (Map.Entry<String, RecordProtos.Value> entry : map.entrySet()) {
      decoded.put(entry.getKey(), value(field, entry.getKey(), entry.getValue()));
    }
    return decoded;
  }

  private static DecodedValue value(String field, String name, RecordProtos.Value value)
      throws InvalidProtocolBufferException {
    switch (value.getValueCase()) {
      case FLOAT32_TENSOR:
        {
          RecordProtos.Float32Tensor t = value.getFloat32Tensor();
          float[] values = new float[t.getValuesCount()];
          for (int i = 0; i < values.length; i++) {
            values[i] = t.getValues(i);
          }
          return DecodedValue.float32(values, longs(t.getKeysList()), longs(t.getShapeList()));
        }
      case FLOAT64_TENSOR:
        {
          RecordProtos.Float64Tensor t = value.getFloat64Tensor();
          double[] values = new double[t.getValuesCount()];
          for (int i = 0; i < values.length; i++) {
            values[i] = t.getValues(i);
          }
          return DecodedValue.float64(values, longs(t.getKeysList()), longs(t.getShapeList()));
        }
      case INT32_TENSOR:
        {
          RecordProtos.Int32Tensor t = value.getInt32Tensor();
          int[] values = new int[t.getValuesCount()];
          for (int i = 0; i < values.length; i++) {
            values[i] = t.getValues(i);
          }
          return DecodedValue.int32(values, longs(t.getKeysList()), longs(t.getShapeList()));
        }
      case BYTES:
        {
          RecordProtos.Bytes b = value.getBytes();
          List<byte[]> values = new ArrayList<>(b.getValueCount());
          for (ByteString s : b.getValueList()) {
            values.add(s.toByteArray());
          }
          return DecodedValue.bytes(values, b.hasContentType() ? b.getContentType() : null);
        }
      default:
        throw new InvalidProtocolBufferException(
            "expected "
                + field
                + "[\""
                + name
                + "\"] to hold a float32, float64 or int32 tensor or bytes, found no value");
    }
  }

  private static long[] longs(List<Long> list) {
    long[] longs = new long[list.size()];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = list.get(i);
    }
    return longs;
  }
}
