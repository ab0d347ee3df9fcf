package dev.sluice.connectors.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;

/**
 * Renders a {@link DecodedRecord} as one line of JSON in the shape of the golden {@code
 * *.expected.jsonl} files: {@code uid}, {@code metadata}, {@code features} and {@code label} maps
 * of {@code {type, values, keys, shape}} (float32 also as {@code values_bits_hex}) or {@code {type:
 * "bytes", value_base64, content_type}}. {@code configuration} appears only when set.
 */
public final class RecordJson {
  private final ObjectMapper mapper = new ObjectMapper();

  /** One line of JSON, without a line break. */
  public String toJson(DecodedRecord record) {
    try {
      return mapper.writeValueAsString(toTree(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always renders", e);
    }
  }

  /** The record as a Jackson tree. */
  public ObjectNode toTree(DecodedRecord record) {
    ObjectNode node = mapper.createObjectNode();
    node.put("uid", record.uid());
    node.put("metadata", record.metadata());
    if (record.configuration() != null) {
      node.put("configuration", record.configuration());
    }
    node.set("features", values(record.features()));
    node.set("label", values(record.label()));
    return node;
  }

  private ObjectNode values(Map<String, DecodedValue> values) {
    ObjectNode node = mapper.createObjectNode();
    values.forEach((name, value) -> node.set(name, value(value)));
    return node;
  }

  private ObjectNode value(DecodedValue value) {
    ObjectNode node = mapper.createObjectNode();
    node.put("type", value.type().jsonName());
    if (value.type() == ValueType.BYTES) {
      ArrayNode base64 = node.putArray("value_base64");
      for (byte[] bytes : value.bytesValues()) {
        base64.add(Base64.getEncoder().encodeToString(bytes));
      }
      node.put("content_type", value.contentType());
      return node;
    }
    ArrayNode values = node.putArray("values");
    switch (value.type()) {
      case FLOAT32:
        ArrayNode bits = mapper.createArrayNode();
        for (float f : value.floats()) {
          values.add((double) f);
          bits.add(String.format("%08x", Float.floatToRawIntBits(f)));
        }
        node.set("values_bits_hex", bits);
        break;
      case FLOAT64:
        for (double d : value.doubles()) {
          values.add(d);
        }
        break;
      default:
        for (int i : value.ints()) {
          values.add(i);
        }
    }
    unsigned(node.putArray("keys"), value.keys());
    unsigned(node.putArray("shape"), value.shape());
    return node;
  }

  /** Keys and shape are uint64 on the wire. */
  private static void unsigned(ArrayNode array, long[] values) {
    for (long v : values) {
      if (v >= 0) {
        array.add(v);
      } else {
        array.add(new BigInteger(Long.toUnsignedString(v)));
      }
    }
  }
}
