package dev.sluice.connectors.protobuf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One decoded {@code aialgs.data.Value}: a float32, float64 or int32 tensor (values, sparse keys,
 * shape) or a list of byte strings with a content type. Immutable: arrays are copied in and out.
 * Equality compares float values by exact bit pattern, so NaN payloads and -0.0 count.
 */
public final class DecodedValue {
  private static final float[] NO_FLOATS = {};
  private static final double[] NO_DOUBLES = {};
  private static final int[] NO_INTS = {};
  private static final long[] NO_LONGS = {};

  private final ValueType type;
  private final float[] floats;
  private final double[] doubles;
  private final int[] ints;
  private final long[] keys;
  private final long[] shape;
  private final List<byte[]> bytes;
  private final String contentType;

  private DecodedValue(
      ValueType type,
      float[] floats,
      double[] doubles,
      int[] ints,
      long[] keys,
      long[] shape,
      List<byte[]> bytes,
      String contentType) {
    this.type = type;
    this.floats = floats;
    this.doubles = doubles;
    this.ints = ints;
    this.keys = keys;
    this.shape = shape;
    this.bytes = bytes;
    this.contentType = contentType;
  }

  public static DecodedValue float32(float[] values, long[] keys, long[] shape) {
    return new DecodedValue(
        ValueType.FLOAT32,
        values.clone(),
        NO_DOUBLES,
        NO_INTS,
        keys.clone(),
        shape.clone(),
        List.of(),
        null);
  }

  public static DecodedValue float64(double[] values, long[] keys, long[] shape) {
    return new DecodedValue(
        ValueType.FLOAT64,
        NO_FLOATS,
        values.clone(),
        NO_INTS,
        keys.clone(),
        shape.clone(),
        List.of(),
        null);
  }

  public static DecodedValue int32(int[] values, long[] keys, long[] shape) {
    return new DecodedValue(
        ValueType.INT32,
        NO_FLOATS,
        NO_DOUBLES,
        values.clone(),
        keys.clone(),
        shape.clone(),
        List.of(),
        null);
  }

  /** Byte strings; {@code contentType} may be null (not set). */
  public static DecodedValue bytes(List<byte[]> values, String contentType) {
    List<byte[]> copy = new ArrayList<>(values.size());
    for (byte[] value : values) {
      copy.add(value.clone());
    }
    return new DecodedValue(
        ValueType.BYTES,
        NO_FLOATS,
        NO_DOUBLES,
        NO_INTS,
        NO_LONGS,
        NO_LONGS,
        List.copyOf(copy),
        contentType);
  }

  public ValueType type() {
    return type;
  }

  /** Float32 values; empty for other types. */
  public float[] floats() {
    return floats.clone();
  }

  /** Float64 values; empty for other types. */
  public double[] doubles() {
    return doubles.clone();
  }

  /** Int32 values; empty for other types. */
  public int[] ints() {
    return ints.clone();
  }

  /** Sparse positions (unsigned 64-bit); empty for dense tensors and bytes. */
  public long[] keys() {
    return keys.clone();
  }

  /** The shape ({@code [dimension]} for sparse vectors); often empty for dense ones. */
  public long[] shape() {
    return shape.clone();
  }

  /** Number of values (tensor elements or byte strings). */
  public int size() {
    switch (type) {
      case FLOAT32:
        return floats.length;
      case FLOAT64:
        return doubles.length;
      case INT32:
        return ints.length;
      default:
        return bytes.size();
    }
  }

  /** The byte strings of a bytes value; empty for tensors. */
  public List<byte[]> bytesValues() {
    List<byte[]> copy = new ArrayList<>(bytes.size());
    for (byte[] value : bytes) {
      copy.add(value.clone());
    }
    return copy;
  }

  /** The content type of a bytes value, or null. */
  public String contentType() {
    return contentType;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DecodedValue)) {
      return false;
    }
    DecodedValue other = (DecodedValue) o;
    return type == other.type
        && Arrays.equals(floatBits(floats), floatBits(other.floats))
        && Arrays.equals(doubleBits(doubles), doubleBits(other.doubles))
        && Arrays.equals(ints, other.ints)
        && Arrays.equals(keys, other.keys)
        && Arrays.equals(shape, other.shape)
        && bytesEqual(bytes, other.bytes)
        && Objects.equals(contentType, other.contentType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type,
        Arrays.hashCode(floatBits(floats)),
        Arrays.hashCode(doubles),
        Arrays.hashCode(ints),
        Arrays.hashCode(keys),
        Arrays.hashCode(shape),
        bytes.size(),
        contentType);
  }

  @Override
  public String toString() {
    switch (type) {
      case FLOAT32:
        return "float32" + Arrays.toString(floats) + tensorSuffix();
      case FLOAT64:
        return "float64" + Arrays.toString(doubles) + tensorSuffix();
      case INT32:
        return "int32" + Arrays.toString(ints) + tensorSuffix();
      default:
        StringBuilder s = new StringBuilder("bytes[");
        for (int i = 0; i < bytes.size(); i++) {
          s.append(i == 0 ? "" : ", ").append(bytes.get(i).length).append(" bytes");
        }
        return s.append("] content_type=").append(contentType).toString();
    }
  }

  private String tensorSuffix() {
    return " keys=" + Arrays.toString(keys) + " shape=" + Arrays.toString(shape);
  }

  private static int[] floatBits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  private static long[] doubleBits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }

  private static boolean bytesEqual(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
