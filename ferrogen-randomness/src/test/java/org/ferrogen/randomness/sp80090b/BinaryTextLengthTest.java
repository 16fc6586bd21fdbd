package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The bzip2 length of binary-sample text computed through the digits' suffix order ({@link
 * Bzip2Length#binaryTextLength}) against the general path on the text itself, which {@link
 * Bzip2LengthTest} checks against libbzip2. Small block limits put many blocks of every kind
 * (odd and even lengths, starting at a digit or at a space, the last one up to a byte longer than
 * the limit) into short inputs; biases down to runs of thousands of equal samples reach the exact
 * comparisons and the fallback to the general sorter.
 */
class BinaryTextLengthTest {

  @Property(tries = 300, seed = "20261203")
  void equalsTheGeneralPathOnRandomSamples(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4000) int samples,
      @ForAll @IntRange(min = 0, max = 1000) int onesPerMille,
      @ForAll @IntRange(min = 1, max = 9000) int blockLimit,
      @ForAll @IntRange(min = 0, max = 8) int lowDigit,
      @ForAll @IntRange(min = 1, max = 9) int digitGap) {
    int highDigit = Math.min(9, lowDigit + digitGap);
    byte[] bits = randomBits(new SplittableRandom(seed), samples, onesPerMille / 1000.0);
    assertThat(fast(bits, blockLimit, lowDigit, highDigit))
        .isEqualTo(general(bits, blockLimit, lowDigit, highDigit));
  }

  @Property(tries = 100, seed = "20261203")
  void equalsTheGeneralPathOnPeriodicAndRunLengthSamples(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int samples,
      @ForAll @IntRange(min = 1, max = 300) int period,
      @ForAll @IntRange(min = 1, max = 6000) int blockLimit) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] unit = randomBits(rng, period, 0.5);
    byte[] bits = new byte[samples];
    for (int i = 0; i < samples; i++) {
      // A periodic pattern with the odd flipped sample: long exact comparisons and equal rotations.
      bits[i] = (byte) (unit[i % period] ^ (rng.nextInt(500) == 0 ? 1 : 0));
    }
    assertThat(fast(bits, blockLimit, 0, 1)).isEqualTo(general(bits, blockLimit, 0, 1));
  }

  /** Full-size blocks: 300,001 samples give a text of one block, one of 499981 and a last of 100040. */
  @Test
  void equalsTheGeneralPathWithLibbzip2sBlocks() {
    SplittableRandom rng = new SplittableRandom(17);
    for (double p : new double[] {0.5, 0.2, 0.01}) {
      byte[] bits = randomBits(rng, 300_001, p);
      assertThat(fast(bits, Bzip2Length.MAX_BLOCK, 0, 1))
          .as("P(1) = %s", p)
          .isEqualTo(general(bits, Bzip2Length.MAX_BLOCK, 0, 1));
    }
  }

  @Test
  void aTextTwoBytesLongerThanABlockEndsInOneLastBlock() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int textLength = 2 * 200 - 3; textLength <= 2 * 200 + 5; textLength += 2) {
      byte[] bits = randomBits(rng, (textLength + 1) / 2, 0.5);
      assertThat(fast(bits, 200, 0, 1)).isEqualTo(general(bits, 200, 0, 1));
      assertThat(fast(bits, 199, 0, 1)).isEqualTo(general(bits, 199, 0, 1));
    }
  }

  @Test
  void constantAndNearlyConstantSamples() {
    for (int n : new int[] {1, 2, 3, 64, 65, 1000, 20_000}) {
      byte[] zeros = new byte[n];
      byte[] ones = new byte[n];
      java.util.Arrays.fill(ones, (byte) 1);
      byte[] single = new byte[n];
      single[n / 2] = 1;
      for (byte[] bits : new byte[][] {zeros, ones, single}) {
        for (int limit : new int[] {1, 7, 5000, Bzip2Length.MAX_BLOCK}) {
          assertThat(fast(bits, limit, 0, 1)).as("n=%d limit=%d", n, limit)
              .isEqualTo(general(bits, limit, 0, 1));
        }
      }
    }
  }

  @Test
  void theReferenceFilesTextAsLibbzip2CompressesIt() throws IOException {
    byte[] bits = Files.readAllBytes(ReferenceFiles.bin("truerand_1bit.bin"));
    long[] packed = new long[(bits.length + 63) / 64];
    PermutationTests.pack(bits, packed);
    // The length the general path and the bzip2 executable give for this text (Bzip2LengthTest).
    assertThat(new Bzip2Length().binaryTextLength(packed, bits.length, 0, 1)).isEqualTo(155_806L);
  }

  private static long fast(byte[] bits, int blockLimit, int lowDigit, int highDigit) {
    long[] packed = new long[(bits.length + 63) / 64];
    PermutationTests.pack(bits, packed);
    return new Bzip2Length(blockLimit).binaryTextLength(packed, bits.length, lowDigit, highDigit);
  }

  private static long general(byte[] bits, int blockLimit, int lowDigit, int highDigit) {
    byte[] raw = new byte[bits.length];
    for (int i = 0; i < bits.length; i++) {
      raw[i] = (byte) (bits[i] == 0 ? lowDigit : highDigit);
    }
    byte[] text = PermutationTests.decimalText(raw);
    return new Bzip2Length(blockLimit).length(text, text.length);
  }

  private static byte[] randomBits(SplittableRandom rng, int n, double p) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (rng.nextDouble() < p ? 1 : 0);
    }
    return b;
  }
}
