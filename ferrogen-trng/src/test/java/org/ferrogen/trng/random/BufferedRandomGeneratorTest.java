package org.ferrogen.trng.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BufferedRandomGeneratorTest {

  /** A reproducible byte source that records how often it was asked. */
  private static final class CountingSource implements RandomBytes {
    final SplittableRandom rng = new SplittableRandom(11);
    int calls;

    @Override
    public void nextBytes(byte[] bytes, int offset, int length) {
      calls++;
      for (int i = 0; i < length; i++) {
        bytes[offset + i] = (byte) rng.nextInt(256);
      }
    }
  }

  @Test
  void servesTheSourceBytesInOrderAsLittleEndianWords() {
    CountingSource reference = new CountingSource();
    byte[] expected = new byte[64];
    reference.nextBytes(expected, 0, 64);
    BufferedRandomGenerator g = new BufferedRandomGenerator(new CountingSource(), 64);
    ByteBuffer view = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(g.nextLong()).isEqualTo(view.getLong(0));
    assertThat(g.nextInt()).isEqualTo(view.getInt(8));
    byte[] rest = new byte[4];
    g.nextBytes(rest);
    assertThat(rest).containsExactly(expected[12], expected[13], expected[14], expected[15]);
  }

  @Test
  void fetchesInBlocks() {
    CountingSource source = new CountingSource();
    BufferedRandomGenerator g = new BufferedRandomGenerator(source, 1024);
    for (int i = 0; i < 1024; i++) {
      g.nextLong();
    }
    assertThat(source.calls).isEqualTo(8);
  }

  @Test
  void doublesAreUniformOnTheUnitInterval() {
    // Chi-square over 16 bins with 10^5 draws; the bound 37.7 is the 0.999 quantile for 15 degrees
    // of freedom, so this fails by chance with probability 1e-3 (fixed seed: deterministic).
    BufferedRandomGenerator g = new BufferedRandomGenerator(new CountingSource());
    int[] bins = new int[16];
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double d = g.nextDouble();
      assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      bins[(int) (d * 16)]++;
    }
    double chi2 = 0;
    for (int b : bins) {
      chi2 += Math.pow(b - n / 16.0, 2) / (n / 16.0);
    }
    assertThat(chi2).isLessThan(37.7);
    assertThat(g.nextInt(10)).isBetween(0, 9);
  }

  @Test
  void sourceFailurePropagates() {
    BufferedRandomGenerator g =
        new BufferedRandomGenerator((b, o, l) -> { throw new IllegalStateException("alarm"); });
    assertThatThrownBy(g::nextLong).hasMessage("alarm");
  }
}
