package dev.sluice.connectors.protobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes {@code aialgs.data.Record} in protobuf wire format straight from primitive arrays into a
 * reused, growing buffer: no boxing, no collections, no message objects on the per-record path.
 * Sizes are computed from the arrays first, so every nested length prefix is written once.
 *
 * <p>Usage: {@code encoder.reset().denseFeature(...).scalarLabel(...).uid(...)}, then {@link
 * #array()} and {@link #length()} (valid until the next {@link #reset()}) or {@link
 * #toByteArray()}. Fields appear in the order of the calls, which protobuf parsers accept in any
 * order; calling features, label, uid, metadata in that order gives the bytes the reference runtime
 * writes. A map name given twice keeps the last value when parsed, as protobuf maps do.
 *
 * <p>Conversions from {@code double[]}: to float32 by {@code (float)} rounding, to int32 by {@code
 * (int)} truncation. Not thread-safe; one encoder per thread.
 */
public final class RecordEncoder {
  /**
   * The map name SageMaker algorithms read: {@code features["values"]}, {@code label["values"]}.
   */
  public static final String DEFAULT_NAME = "values";

  private static final int LENGTH_DELIMITED = 2;
  private static final int FEATURES = tag(1);
  private static final int LABEL = tag(2);
  private static final int UID = tag(3);
  private static final int METADATA = tag(4);
  private static final int CONFIGURATION = tag(5);
  // Inside a map entry, a tensor and Bytes: the same first three field numbers.
  private static final int FIELD_1 = tag(1);
  private static final int FIELD_2 = tag(2);
  private static final int FIELD_3 = tag(3);

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final double[] scalar = new double[1];
  private byte[] buffer;
  private int position;

  public RecordEncoder() {
    this(256);
  }

  public RecordEncoder(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Starts a new record, keeping the buffer. */
  public RecordEncoder reset() {
    position = 0;
    return this;
  }

  // ---- features ------------------------------------------------------------------------------

  /** Dense float32 {@code features[name]} from {@code values[offset, offset + length)}. */
  public RecordEncoder denseFeature(String name, float[] values, int offset, int length) {
    return tensor(FEATURES, name, ValueType.FLOAT32, values, null, null, offset, length, null, -1);
  }

  /** Dense int32 {@code features[name]}. */
  public RecordEncoder denseFeature(String name, int[] values, int offset, int length) {
    return tensor(FEATURES, name, ValueType.INT32, null, null, values, offset, length, null, -1);
  }

  /** Dense {@code features[name]} of {@code type} (float32, float64 or int32) from doubles. */
  public RecordEncoder denseFeature(
      String name, ValueType type, double[] values, int offset, int length) {
    return tensor(FEATURES, name, type, null, values, null, offset, length, null, -1);
  }

  /**
   * Sparse {@code features[name]}: {@code values[i]} at position {@code keys[i]} for i in {@code
   * [offset, offset + length)}, shape {@code [dimension]}. Null keys or a negative dimension leave
   * that field out.
   */
  public RecordEncoder sparseFeature(
      String name,
      ValueType type,
      double[] values,
      long[] keys,
      int offset,
      int length,
      long dimension) {
    return tensor(FEATURES, name, type, null, values, null, offset, length, keys, dimension);
  }

  /** Sparse float32 {@code features[name]} from floats. */
  public RecordEncoder sparseFeature(
      String name, float[] values, long[] keys, int offset, int length, long dimension) {
    return tensor(
        FEATURES, name, ValueType.FLOAT32, values, null, null, offset, length, keys, dimension);
  }

  /** {@code features[name]} as byte strings with a content type (null for none). */
  public RecordEncoder bytesFeature(String name, String contentType, byte[]... values) {
    return bytes(FEATURES, name, values, contentType);
  }

  // ---- labels --------------------------------------------------------------------------------

  /** A scalar label: a one-element {@code label["values"]} tensor of {@code type}. */
  public RecordEncoder scalarLabel(ValueType type, double value) {
    scalar[0] = value;
    return tensor(LABEL, DEFAULT_NAME, type, null, scalar, null, 0, 1, null, -1);
  }

  /** Dense float32 {@code label[name]}. */
  public RecordEncoder denseLabel(String name, float[] values, int offset, int length) {
    return tensor(LABEL, name, ValueType.FLOAT32, values, null, null, offset, length, null, -1);
  }

  /** Dense int32 {@code label[name]}. */
  public RecordEncoder denseLabel(String name, int[] values, int offset, int length) {
    return tensor(LABEL, name, ValueType.INT32, null, null, values, offset, length, null, -1);
  }

  /** Dense {@code label[name]} of {@code type} from doubles. */
  public RecordEncoder denseLabel(
      String name, ValueType type, double[] values, int offset, int length) {
    return tensor(LABEL, name, type, null, values, null, offset, length, null, -1);
  }

  /** Sparse {@code label[name]} of {@code type} from doubles, shape {@code [dimension]}. */
  public RecordEncoder sparseLabel(
      String name,
      ValueType type,
      double[] values,
      long[] keys,
      int offset,
      int length,
      long dimension) {
    return tensor(LABEL, name, type, null, values, null, offset, length, keys, dimension);
  }

  /** Sparse float32 {@code label[name]} from floats. */
  public RecordEncoder sparseLabel(
      String name, float[] values, long[] keys, int offset, int length, long dimension) {
    return tensor(
        LABEL, name, ValueType.FLOAT32, values, null, null, offset, length, keys, dimension);
  }

  /** {@code label[name]} as byte strings with a content type (null for none). */
  public RecordEncoder bytesLabel(String name, String contentType, byte[]... values) {
    return bytes(LABEL, name, values, contentType);
  }

  // ---- strings -------------------------------------------------------------------------------

  /** Sets {@code uid}; null writes nothing. */
  public RecordEncoder uid(String uid) {
    return string(UID, uid);
  }

  /** Sets {@code metadata} (free text, JSON by convention); null writes nothing. */
  public RecordEncoder metadata(String metadata) {
    return string(METADATA, metadata);
  }

  /** Sets {@code configuration}; null writes nothing. */
  public RecordEncoder configuration(String configuration) {
    return string(CONFIGURATION, configuration);
  }

  // ---- output --------------------------------------------------------------------------------

  /** The encoded record is {@code array()[0, length())}; valid until the next {@link #reset()}. */
  public byte[] array() {
    return buffer;
  }

  public int length() {
    return position;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  // ---- wire format ---------------------------------------------------------------------------

  /** A map entry {@code name -> Value{tensor}}; exactly one of floats, doubles, ints is set. */
  private RecordEncoder tensor(
      int mapTag,
      String name,
      ValueType type,
      float[] floats,
      double[] doubles,
      int[] ints,
      int offset,
      int length,
      long[] keys,
      long dimension) {
    if (type == ValueType.BYTES) {
      throw new IllegalArgumentException(
          "a tensor is float32, float64 or int32; use bytesFeature/bytesLabel for bytes");
    }
    // Checked up front so a bad slice fails before half a field is written.
    Objects.checkFromIndexSize(
        offset,
        length,
        floats != null ? floats.length : ints != null ? ints.length : doubles.length);
    if (keys != null) {
      Objects.checkFromIndexSize(offset, length, keys.length);
    }
    long valuesBytes = valuesSize(type, doubles, ints, offset, length);
    long keysBytes = 0;
    if (keys != null) {
      for (int i = offset; i < offset + length; i++) {
        keysBytes += varintSize(keys[i]);
      }
    }
    long shapeBytes = dimension < 0 ? 0 : varintSize(dimension);
    long tensorSize = packedSize(valuesBytes) + packedSize(keysBytes) + packedSize(shapeBytes);
    int nameLength = utf8Length(name);
    long valueSize = 1 + varintSize(tensorSize) + tensorSize;
    long entrySize =
        1 + varintSize(nameLength) + nameLength + 1 + varintSize(valueSize) + valueSize;
    ensure(1 + varintSize(entrySize) + entrySize);

    buffer[position++] = (byte) mapTag;
    writeVarint(entrySize);
    buffer[position++] = (byte) FIELD_1;
    writeVarint(nameLength);
    writeUtf8(name, nameLength);
    buffer[position++] = (byte) FIELD_2;
    writeVarint(valueSize);
    buffer[position++] = (byte) tag(type.fieldNumber());
    writeVarint(tensorSize);
    if (valuesBytes > 0) {
      buffer[position++] = (byte) FIELD_1;
      writeVarint(valuesBytes);
      writeValues(type, floats, doubles, ints, offset, length);
    }
    if (keysBytes > 0) {
      buffer[position++] = (byte) FIELD_2;
      writeVarint(keysBytes);
      for (int i = offset; i < offset + length; i++) {
        writeVarint(keys[i]);
      }
    }
    if (shapeBytes > 0) {
      buffer[position++] = (byte) FIELD_3;
      writeVarint(shapeBytes);
      writeVarint(dimension);
    }
    return this;
  }

  private static long valuesSize(
      ValueType type, double[] doubles, int[] ints, int offset, int length) {
    switch (type) {
      case FLOAT32:
        return 4L * length;
      case FLOAT64:
        return 8L * length;
      default:
        long size = 0;
        for (int i = offset; i < offset + length; i++) {
          size += varintSize(ints != null ? ints[i] : (int) doubles[i]);
        }
        return size;
    }
  }

  private void writeValues(
      ValueType type, float[] floats, double[] doubles, int[] ints, int offset, int length) {
    int end = offset + length;
    if (floats != null) {
      for (int i = offset; i < end; i++) {
        INT_LE.set(buffer, position, Float.floatToRawIntBits(floats[i]));
        position += 4;
      }
    } else if (ints != null) {
      for (int i = offset; i < end; i++) {
        writeVarint(ints[i]);
      }
    } else {
      for (int i = offset; i < end; i++) {
        writeValue(type, doubles[i]);
      }
    }
  }

  private void writeValue(ValueType type, double value) {
    switch (type) {
      case FLOAT32:
        INT_LE.set(buffer, position, Float.floatToRawIntBits((float) value));
        position += 4;
        break;
      case FLOAT64:
        LONG_LE.set(buffer, position, Double.doubleToRawLongBits(value));
        position += 8;
        break;
      default:
        writeVarint((int) value); // int32 is sign-extended to 64 bits on the wire
    }
  }

  private RecordEncoder bytes(int mapTag, String name, byte[][] values, String contentType) {
    long bytesSize = 0;
    for (byte[] value : values) {
      bytesSize += 1 + varintSize(value.length) + value.length;
    }
    int contentTypeLength = contentType == null ? -1 : utf8Length(contentType);
    if (contentType != null) {
      bytesSize += 1 + varintSize(contentTypeLength) + contentTypeLength;
    }
    int nameLength = utf8Length(name);
    long valueSize = 1 + varintSize(bytesSize) + bytesSize;
    long entrySize =
        1 + varintSize(nameLength) + nameLength + 1 + varintSize(valueSize) + valueSize;
    ensure(1 + varintSize(entrySize) + entrySize);

    buffer[position++] = (byte) mapTag;
    writeVarint(entrySize);
    buffer[position++] = (byte) FIELD_1;
    writeVarint(nameLength);
    writeUtf8(name, nameLength);
    buffer[position++] = (byte) FIELD_2;
    writeVarint(valueSize);
    buffer[position++] = (byte) tag(ValueType.BYTES.fieldNumber());
    writeVarint(bytesSize);
    for (byte[] value : values) {
      buffer[position++] = (byte) FIELD_1;
      writeVarint(value.length);
      System.arraycopy(value, 0, buffer, position, value.length);
      position += value.length;
    }
    if (contentType != null) {
      buffer[position++] = (byte) FIELD_2;
      writeVarint(contentTypeLength);
      writeUtf8(contentType, contentTypeLength);
    }
    return this;
  }

  private RecordEncoder string(int tag, String value) {
    if (value == null) {
      return this;
    }
    // One pass for the usual ASCII uid: its UTF-8 length is its length.
    int start = position;
    int n = value.length();
    ensure(1L + varintSize(n) + n);
    buffer[position++] = (byte) tag;
    writeVarint(n);
    if (writeAscii(value)) {
      return this;
    }
    position = start;
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    ensure(1L + varintSize(utf8.length) + utf8.length);
    buffer[position++] = (byte) tag;
    writeVarint(utf8.length);
    System.arraycopy(utf8, 0, buffer, position, utf8.length);
    position += utf8.length;
    return this;
  }

  private static int tag(int fieldNumber) {
    return fieldNumber << 3 | LENGTH_DELIMITED;
  }

  private static long packedSize(long contentSize) {
    return contentSize == 0 ? 0 : 1 + varintSize(contentSize) + contentSize;
  }

  /** Bytes of a base-128 varint; negative values take 10, as int32 is sign-extended. */
  static int varintSize(long value) {
    return (640 - Long.numberOfLeadingZeros(value) * 9) >>> 6;
  }

  private void writeVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  /** UTF-8 length; ASCII, the usual case, is counted without allocating. */
  private static int utf8Length(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return s.length();
  }

  private void writeUtf8(String s, int utf8Length) {
    if (utf8Length == s.length() && writeAscii(s)) {
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  /** Writes {@code s} and returns true if it is all ASCII; otherwise leaves the position as is. */
  private boolean writeAscii(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      buffer[position + i] = (byte) c;
    }
    position += n;
    return true;
  }

  private void ensure(long bytes) {
    long needed = position + bytes;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "a Record must stay below 2 GiB (and below 2^29 - 1 bytes to fit RecordIO); this one"
              + " would take "
              + needed
              + " bytes");
    }
    if (needed > buffer.length) {
      buffer =
          Arrays.copyOf(
              buffer, (int) Math.max(needed, Math.min(2L * buffer.length, Integer.MAX_VALUE - 16)));
    }
  }
}
