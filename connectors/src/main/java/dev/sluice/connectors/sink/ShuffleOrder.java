package dev.sluice.connectors.sink;

/**
 * A record's place in its channel's shuffled order: a seeded 64-bit hash of its uid. The same uid
 * and seed give the same place on every run and every machine; another seed gives another order.
 * FNV-1a over the uid's characters, finished with MurmurHash3's mixer so that uids differing only
 * in their last characters still land far apart.
 */
public final class ShuffleOrder {
  private ShuffleOrder() {}

  public static long of(long seed, String uid) {
    long hash = 0xcbf29ce484222325L ^ mix(seed);
    for (int i = 0; i < uid.length(); i++) {
      hash = (hash ^ uid.charAt(i)) * 0x100000001b3L;
    }
    return mix(hash);
  }

  /** A tie-break for records that share a uid: the hash of their payload bytes. */
  static long ofPayload(byte[] payload, int length) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < length; i++) {
      hash = (hash ^ (payload[i] & 0xff)) * 0x100000001b3L;
    }
    return mix(hash);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
