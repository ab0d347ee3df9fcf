package dev.sluice.splitters;

import java.nio.charset.StandardCharsets;

/**
 * The hash every hash-based strategy uses, specified so another tool can reproduce assignments.
 *
 * <ol>
 *   <li>Encode the key (record id, source position, or group value) as UTF-8 bytes.
 *   <li>h = XXH64(bytes, seed), where seed is {@code split.seed} as a signed 64-bit integer taken
 *       as its unsigned two's-complement bit pattern (XXH64 as specified at
 *       https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md; identical to {@code
 *       xxhash.xxh64(bytes, seed)} in Python).
 *   <li>u = (h &gt;&gt;&gt; 11) &times; 2<sup>-53</sup>, i.e. the top 53 bits as a double in [0,
 *       1). Exact: every such value is representable.
 *   <li>The channel is {@link ChannelFractions#indexFor(double)} of u.
 * </ol>
 *
 * <p>Worked example (checked in SplitHashTest and in the README), seed 42, fractions [0.8, 0.1,
 * 0.1] over [train, validation, test]:
 *
 * <ul>
 *   <li>{@code "rec-1"}: XXH64 = 0x8cccbd78ad4a941d; h &gt;&gt;&gt; 11 = 4953951360624978; u =
 *       0.5499990863438973; u &lt; 0.8, so train.
 *   <li>{@code "rec-7"}: XXH64 = 0xe044d67bf27db083; h &gt;&gt;&gt; 11 = 7890760347045814; u =
 *       0.8760503819089454; 0.8 &le; u &lt; 0.9, so validation.
 * </ul>
 */
public final class SplitHash {
  private SplitHash() {}

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  /**
   * XXH64 of the UTF-8 bytes of {@code key} with {@code seed}. (Encoding to a short-lived byte
   * array measured faster than reading an ASCII string's chars in place, so there is one path.)
   */
  public static long hash(String key, long seed) {
    return xxh64(key.getBytes(StandardCharsets.UTF_8), seed);
  }

  /** The key's position in [0, 1): the top 53 bits of {@link #hash(String, long)}. */
  public static double unit(String key, long seed) {
    return toUnit(hash(key, seed));
  }

  /** Maps a 64-bit hash to [0, 1) by its top 53 bits. */
  public static double toUnit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** XXH64 (xxHash 64-bit, version 0.6+ spec) of {@code data} with {@code seed}. */
  public static long xxh64(byte[] data, long seed) {
    int len = data.length;
    int p = 0;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      int limit = len - 32;
      do {
        v1 = round(v1, readLong(data, p));
        v2 = round(v2, readLong(data, p + 8));
        v3 = round(v3, readLong(data, p + 16));
        v4 = round(v4, readLong(data, p + 24));
        p += 32;
      } while (p <= limit);
      h =
          Long.rotateLeft(v1, 1)
              + Long.rotateLeft(v2, 7)
              + Long.rotateLeft(v3, 12)
              + Long.rotateLeft(v4, 18);
      h = mergeRound(h, v1);
      h = mergeRound(h, v2);
      h = mergeRound(h, v3);
      h = mergeRound(h, v4);
    } else {
      h = seed + P5;
    }
    h += len;
    while (p + 8 <= len) {
      h ^= round(0, readLong(data, p));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      p += 8;
    }
    if (p + 4 <= len) {
      h ^= (readInt(data, p) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      p += 4;
    }
    while (p < len) {
      h ^= (data[p] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      p++;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long mergeRound(long acc, long val) {
    acc ^= round(0, val);
    return acc * P1 + P4;
  }

  private static long readLong(byte[] b, int i) {
    return (b[i] & 0xFFL)
        | (b[i + 1] & 0xFFL) << 8
        | (b[i + 2] & 0xFFL) << 16
        | (b[i + 3] & 0xFFL) << 24
        | (b[i + 4] & 0xFFL) << 32
        | (b[i + 5] & 0xFFL) << 40
        | (b[i + 6] & 0xFFL) << 48
        | (b[i + 7] & 0xFFL) << 56;
  }

  private static int readInt(byte[] b, int i) {
    return (b[i] & 0xFF)
        | (b[i + 1] & 0xFF) << 8
        | (b[i + 2] & 0xFF) << 16
        | (b[i + 3] & 0xFF) << 24;
  }
}
