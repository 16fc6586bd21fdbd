package org.ferrogen.randomness.conditioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha256ConditionerTest {

  @Test
  void hashesBinarySamplesPackedMostSignificantBitFirst() throws Exception {
    byte[] samples = new byte[20];
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (byte) rng.nextInt(2);
    }
    byte[] packed = new byte[3];
    for (int i = 0; i < samples.length; i++) {
      packed[i / 8] |= (byte) (samples[i] << (7 - i % 8));
    }
    Sha256Conditioner.Conditioned c = new Sha256Conditioner(1).condition(samples, 0, samples.length, 1.0);
    assertThat(c.output()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(packed));
    assertThat(c.account().inputBits()).isEqualTo(20);
    assertThat(c.account().inputEntropy()).isEqualTo(20.0);
  }

  /**
   * The one packing (issue 11: randomness's and trng's copies disagreed): nine binary samples
   * 1,0,1,1,0,0,0,1,1 are the bytes 0xB1 0x80 (MSB first, zero-padded), the layout of
   * {@code ferrogen trng --raw}'s packed-msb files; the digest is SHA-256("\xb1\x80") from Python's
   * hashlib.
   */
  @Test
  void binaryPackingKnownAnswer() {
    byte[] samples = {1, 0, 1, 1, 0, 0, 0, 1, 1};
    Sha256Conditioner.Conditioned c = new Sha256Conditioner(1).condition(samples, 0, samples.length, 1.0);
    assertThat(java.util.HexFormat.of().formatHex(c.output())).isEqualTo("f6a2c74d89b7949642c7a17a5cfb3134c830292db8feafd1b6fad376095d0dc0");
  }

  @Test
  void consecutiveBlocksDoNotCarryState() throws Exception {
    Sha256Conditioner conditioner = new Sha256Conditioner(8);
    byte[] a = {1, 2, 3};
    byte[] first = conditioner.condition(a, 0, 3, 8).output();
    byte[] second = conditioner.condition(a, 0, 3, 8).output();
    assertThat(second).isEqualTo(first).isEqualTo(MessageDigest.getInstance("SHA-256").digest(a));
  }

  @Test
  void fullEntropyBlockSizeIsTheSmallestThatQualifies() {
    Sha256Conditioner conditioner = new Sha256Conditioner(1);
    for (double h : new double[] {1.0, 0.9, 0.5, 0.1}) {
      int n = conditioner.samplesForFullEntropy(h);
      assertThat(OutputEntropy.of(n, 256, 256, Math.min(n, n * h)).fullEntropy()).isTrue();
      assertThat(OutputEntropy.of(n - 8, 256, 256, Math.min(n - 8, (n - 8) * h)).fullEntropy()).isFalse();
      assertThat(n * h).isGreaterThanOrEqualTo(320);
    }
  }
}
