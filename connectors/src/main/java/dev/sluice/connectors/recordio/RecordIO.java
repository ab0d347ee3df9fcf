package dev.sluice.connectors.recordio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Constants and header arithmetic of dmlc-core's RecordIO format (dmlc/recordio.h). */
public final class RecordIO {
  /** The magic word that opens every chunk, as an int in little-endian byte order on disk. */
  public static final int MAGIC = 0xCED7230A;

  /** The longest record dmlc-core accepts: the length field has 29 bits. */
  public static final int MAX_RECORD_LENGTH = (1 << 29) - 1;

  /** A chunk holding a whole record. */
  public static final int CFLAG_WHOLE = 0;

  /** The first piece of a record that was cut at an aligned magic word. */
  public static final int CFLAG_FIRST = 1;

  /** A middle piece of a cut record. */
  public static final int CFLAG_MIDDLE = 2;

  /** The last piece of a cut record. */
  public static final int CFLAG_LAST = 3;

  // One 4-byte load instead of four byte loads: the writer scans every aligned word of a payload.
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private RecordIO() {}

  /** The {@code lrec} word: upper 3 bits cflag, lower 29 bits length. */
  static int encodeLrec(int cflag, int length) {
    return (cflag << 29) | length;
  }

  static int cflag(int lrec) {
    return lrec >>> 29;
  }

  static int length(int lrec) {
    return lrec & MAX_RECORD_LENGTH;
  }

  /** Rounds up to the next multiple of 4: payloads are padded with zeros to that boundary. */
  static int align4(int length) {
    return (length + 3) & ~3;
  }

  /** Reads a little-endian int at {@code offset}. */
  static int intLE(byte[] bytes, int offset) {
    return (int) INT_LE.get(bytes, offset);
  }

  static void putIntLE(byte[] bytes, int offset, int value) {
    INT_LE.set(bytes, offset, value);
  }
}
