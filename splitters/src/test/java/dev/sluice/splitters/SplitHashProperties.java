package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class SplitHashProperties {
  private static final XXHash64 REFERENCE = XXHashFactory.safeInstance().hash64();

  @Property(seed = PropertySeed.FIXED, tries = 500)
  void xxh64AgreesWithAnIndependentImplementationForAnyBytesAndSeed(
      @ForAll @Size(max = 200) byte[] data, @ForAll long seed) {
    assertThat(SplitHash.xxh64(data, seed)).isEqualTo(REFERENCE.hash(data, 0, data.length, seed));
  }

  @Property(seed = PropertySeed.FIXED, tries = 500)
  void hashingAStringEqualsHashingItsUtf8BytesWhetherAsciiOrNot(
      @ForAll @Size(max = 100) String key, @ForAll long seed) {
    byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(SplitHash.hash(key, seed)).isEqualTo(REFERENCE.hash(utf8, 0, utf8.length, seed));
  }

  @Property(seed = PropertySeed.FIXED, tries = 300)
  void asciiKeysOfEveryLengthHashLikeTheirBytes(
      @ForAll @net.jqwik.api.constraints.CharRange(from = 0, to = 127) @Size(max = 80) String key,
      @ForAll long seed) {
    byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(SplitHash.hash(key, seed)).isEqualTo(REFERENCE.hash(utf8, 0, utf8.length, seed));
  }

  @Property(seed = PropertySeed.FIXED, tries = 200)
  void unitIsAlwaysInTheHalfOpenUnitInterval(@ForAll String key, @ForAll long seed) {
    assertThat(SplitHash.unit(key, seed)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
  }
}
