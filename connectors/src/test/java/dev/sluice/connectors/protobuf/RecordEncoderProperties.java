package dev.sluice.connectors.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.sluice.connectors.PropertySeed;
import dev.sluice.connectors.protobuf.generated.RecordProtos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the encoder writes, the generated protobuf classes parse to the same values. */
class RecordEncoderProperties {

  @Property(seed = PropertySeed.FIXED, tries = 300)
  void encodedRecordsParseWithTheGeneratedClassesToTheSameValues(
      @ForAll("records") DecodedRecord record, @ForAll("records") DecodedRecord previous)
      throws Exception {
    RecordEncoder encoder = new RecordEncoder(16);
    EncodeDecoded.encode(encoder.reset(), previous); // the buffer is reused, not cleared
    EncodeDecoded.encode(encoder.reset(), record);
    byte[] bytes = encoder.toByteArray();

    RecordProtos.Record parsed = RecordProtos.Record.parseFrom(bytes);
    assertThat(parsed).isEqualTo(message(record));
    assertThat(RecordDecoder.decode(encoder.array(), 0, encoder.length())).isEqualTo(record);
  }

  @Property(seed = PropertySeed.FIXED, tries = 200)
  void doublesAreWrittenAsTheRequestedType(
      @ForAll("doubleArrays") double[] values, @ForAll("numericTypes") ValueType type)
      throws Exception {
    RecordEncoder encoder = new RecordEncoder().denseFeature("x", type, values, 0, values.length);
    DecodedValue decoded = RecordDecoder.decode(encoder.toByteArray()).features().get("x");

    assertThat(decoded.type()).isEqualTo(type);
    for (int i = 0; i < values.length; i++) {
      switch (type) {
        case FLOAT32:
          assertThat(Float.floatToIntBits(decoded.floats()[i]))
              .isEqualTo(Float.floatToIntBits((float) values[i]));
          break;
        case FLOAT64:
          assertThat(Double.doubleToRawLongBits(decoded.doubles()[i]))
              .isEqualTo(Double.doubleToRawLongBits(values[i]));
          break;
        default:
          assertThat(decoded.ints()[i]).isEqualTo((int) values[i]);
      }
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 100)
  void aSliceOfAnArrayEncodesOnlyThatSlice(
      @ForAll("doubleArrays") double[] values, @ForAll("numericTypes") ValueType type)
      throws Exception {
    int from = values.length / 3;
    int to = values.length - values.length / 4;
    long[] keys = new long[values.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = 10L * i;
    }
    RecordEncoder encoder =
        new RecordEncoder()
            .sparseFeature("s", type, values, keys, from, to - from, 1_000_000L)
            .uid("slice");
    DecodedValue decoded = RecordDecoder.decode(encoder.toByteArray()).features().get("s");
    assertThat(decoded.size()).isEqualTo(to - from);
    assertThat(decoded.keys()).containsExactly(java.util.Arrays.copyOfRange(keys, from, to));
    assertThat(decoded.shape()).containsExactly(1_000_000L);
  }

  // ---- generators ----------------------------------------------------------------------------

  @Provide
  Arbitrary<DecodedRecord> records() {
    Arbitrary<String> optionalText = text().injectNull(0.3);
    return Combinators.combine(
            valueMap(0, 3), valueMap(0, 2), optionalText, optionalText, optionalText)
        .as(DecodedRecord::new);
  }

  @Provide
  Arbitrary<double[]> doubleArrays() {
    return Arbitraries.oneOf(
            Arbitraries.doubles(),
            Arbitraries.integers().map(i -> (double) i),
            Arbitraries.of(Double.NaN, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, 1e40, -1e40))
        .array(double[].class)
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<ValueType> numericTypes() {
    return Arbitraries.of(ValueType.FLOAT32, ValueType.FLOAT64, ValueType.INT32);
  }

  private Arbitrary<Map<String, DecodedValue>> valueMap(int min, int max) {
    return Arbitraries.maps(text(), value()).ofMinSize(min).ofMaxSize(max).map(LinkedHashMap::new);
  }

  /** Text over all of Unicode, including supplementary characters, never lone surrogates. */
  private Arbitrary<String> text() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xD7FF)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0x10FFFF)));
    return codePoint
        .list()
        .ofMaxSize(10)
        .map(
            cps -> {
              StringBuilder s = new StringBuilder();
              cps.forEach(s::appendCodePoint);
              return s.toString();
            });
  }

  private Arbitrary<DecodedValue> value() {
    Arbitrary<Integer> size = Arbitraries.integers().between(0, 20);
    Arbitrary<Boolean> sparse = Arbitraries.of(true, false);
    Arbitrary<Long> dimension = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<DecodedValue> float32 =
        Combinators.combine(Arbitraries.integers().list().ofMaxSize(20), sparse, dimension)
            .as(
                (bits, isSparse, dim) -> {
                  float[] floats = new float[bits.size()];
                  for (int i = 0; i < floats.length; i++) {
                    floats[i] = Float.intBitsToFloat(bits.get(i));
                  }
                  return DecodedValue.float32(
                      floats, keys(floats.length, isSparse), shape(isSparse, dim));
                });
    Arbitrary<DecodedValue> float64 =
        Combinators.combine(Arbitraries.longs().list().ofMaxSize(20), sparse, dimension)
            .as(
                (bits, isSparse, dim) -> {
                  double[] doubles = new double[bits.size()];
                  for (int i = 0; i < doubles.length; i++) {
                    doubles[i] = Double.longBitsToDouble(bits.get(i));
                  }
                  return DecodedValue.float64(
                      doubles, keys(doubles.length, isSparse), shape(isSparse, dim));
                });
    Arbitrary<DecodedValue> int32 =
        Combinators.combine(
                Arbitraries.integers().array(int[].class).ofMaxSize(20), sparse, dimension)
            .as(
                (ints, isSparse, dim) ->
                    DecodedValue.int32(ints, keys(ints.length, isSparse), shape(isSparse, dim)));
    Arbitrary<DecodedValue> bytes =
        Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300).list().ofMaxSize(3),
                text().injectNull(0.3))
            .as(DecodedValue::bytes);
    Arbitrary<DecodedValue> scalar =
        Arbitraries.floats()
            .map(f -> DecodedValue.float32(new float[] {f}, new long[0], new long[0]));
    return Arbitraries.oneOf(float32, float64, int32, bytes, scalar);
  }

  /** Sparse positions, including ones above Long.MAX_VALUE (uint64 on the wire). */
  private static long[] keys(int count, boolean sparse) {
    if (!sparse) {
      return new long[0];
    }
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      keys[i] = i % 3 == 2 ? -1L - i : 7L * i * i;
    }
    return keys;
  }

  private static long[] shape(boolean sparse, long dimension) {
    return sparse ? new long[] {dimension} : new long[0];
  }

  // ---- the same record built with the generated builders -------------------------------------

  static RecordProtos.Record message(DecodedRecord record) {
    RecordProtos.Record.Builder builder = RecordProtos.Record.newBuilder();
    record.features().forEach((name, v) -> builder.putFeatures(name, message(v)));
    record.label().forEach((name, v) -> builder.putLabel(name, message(v)));
    if (record.uid() != null) {
      builder.setUid(record.uid());
    }
    if (record.metadata() != null) {
      builder.setMetadata(record.metadata());
    }
    if (record.configuration() != null) {
      builder.setConfiguration(record.configuration());
    }
    return builder.build();
  }

  private static RecordProtos.Value message(DecodedValue v) {
    RecordProtos.Value.Builder value = RecordProtos.Value.newBuilder();
    switch (v.type()) {
      case FLOAT32:
        {
          RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
          for (float f : v.floats()) {
            t.addValues(f);
          }
          for (long k : v.keys()) {
            t.addKeys(k);
          }
          for (long s : v.shape()) {
            t.addShape(s);
          }
          return value.setFloat32Tensor(t).build();
        }
      case FLOAT64:
        {
          RecordProtos.Float64Tensor.Builder t = RecordProtos.Float64Tensor.newBuilder();
          for (double d : v.doubles()) {
            t.addValues(d);
          }
          for (long k : v.keys()) {
            t.addKeys(k);
          }
          for (long s : v.shape()) {
            t.addShape(s);
          }
          return value.setFloat64Tensor(t).build();
        }
      case INT32:
        {
          RecordProtos.Int32Tensor.Builder t = RecordProtos.Int32Tensor.newBuilder();
          for (int i : v.ints()) {
            t.addValues(i);
          }
          for (long k : v.keys()) {
            t.addKeys(k);
          }
          for (long s : v.shape()) {
            t.addShape(s);
          }
          return value.setInt32Tensor(t).build();
        }
      default:
        {
          RecordProtos.Bytes.Builder b = RecordProtos.Bytes.newBuilder();
          List<ByteString> values = new ArrayList<>();
          for (byte[] bytes : v.bytesValues()) {
            values.add(ByteString.copyFrom(bytes));
          }
          b.addAllValue(values);
          if (v.contentType() != null) {
            b.setContentType(v.contentType());
          }
          return value.setBytes(b).build();
        }
    }
  }
}
