package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitHashTest {

  // Published XXH64 vectors (xxHash reference and python-xxhash documentation), plus values
  // cross-checked with lz4-java's XXH64 for the seeds Sluice uses in its docs.
  @ParameterizedTest(name = "XXH64(\"{0}\", {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0|ef46db3751d8e999",
        "a|0|d24ec4f1a98c6e5b",
        "abc|0|44bc2cf5ad770999",
        "Nobody inspects the spammish repetition|0|fbcea83c8a378bf1",
        "xxhash|20141025|b559b98d844e0635",
        "''|42|98b1582b0977e704",
        "abc|42|13c1d910702770e6",
        "Nobody inspects the spammish repetition|20141025|ce06936136852706",
        "speaker-42|42|c99f37367942247f",
        "rec-1|42|8cccbd78ad4a941d",
      })
  void xxh64MatchesPublishedTestVectors(String input, long seed, String expectedHex) {
    assertThat(SplitHash.hash(input, seed)).isEqualTo(Long.parseUnsignedLong(expectedHex, 16));
  }

  @Test
  void theWorkedExampleInTheReadmeHolds() {
    ChannelFractions f = ChannelFractions.of(List.of("train", "validation", "test"), 0.8, 0.1, 0.1);

    long h1 = SplitHash.hash("rec-1", 42);
    assertThat(h1).isEqualTo(0x8cccbd78ad4a941dL);
    assertThat(h1 >>> 11).isEqualTo(4953951360624978L);
    assertThat(SplitHash.toUnit(h1)).isEqualTo(0.5499990863438973);
    assertThat(f.channel(f.indexFor(SplitHash.toUnit(h1))).name()).isEqualTo("train");

    long h7 = SplitHash.hash("rec-7", 42);
    assertThat(h7).isEqualTo(0xe044d67bf27db083L);
    assertThat(h7 >>> 11).isEqualTo(7890760347045814L);
    assertThat(SplitHash.toUnit(h7)).isEqualTo(0.8760503819089454);
    assertThat(f.channel(f.indexFor(SplitHash.toUnit(h7))).name()).isEqualTo("validation");
  }

  @Test
  void keysAreHashedAsUtf8Bytes() {
    String key = "Zoë-说话人";
    assertThat(SplitHash.hash(key, 7))
        .isEqualTo(SplitHash.xxh64(key.getBytes(StandardCharsets.UTF_8), 7));
  }

  @Test
  void theUnitMapUsesTheTop53BitsAndStaysBelowOne() {
    assertThat(SplitHash.toUnit(0L)).isZero();
    assertThat(SplitHash.toUnit(-1L)).isLessThan(1.0).isEqualTo(1.0 - 0x1.0p-53);
    assertThat(SplitHash.toUnit(1L << 63)).isEqualTo(0.5);
  }
}
