package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.6: discrete Fourier transform (spectral) test, as STS 2.1.2 computes it. The STS
 * counts the moduli of DFT coefficients 0 .. n/2−1, i.e. it includes the DC term |X_0| = |S_n|
 * and omits X_{n/2}; SP 800-22's worked examples count coefficients 1 .. n/2 instead, which is why
 * §2.6.4 and §2.6.8 print different values (0.029523 and 0.168669) from the STS (0.468160 and
 * 0.646355). The threshold is sqrt(2.995732274·n) and N_0 = 0.95·n/2, as in the STS.
 */
public final class DftTest {

  private DftTest() {}

  static TestResult run(BitSequence s) {
    if (s.length() < 2) {
      return TestResult.tooShort(Sp80022Test.FFT, TestResult.SINGLE_VARIANT, "needs at least 2 bits");
    }
    return TestResult.single(Sp80022Test.FFT, pValue(s));
  }

  public static double pValue(BitSequence s) {
    int n = s.length();
    int half = n / 2;
    double[] power;
    if (n % 2 == 0 && n >= 4) {
      // pairs of ±1 straight from the packed words into the half-length complex input
      double[] zr = Fft.buffer(Fft.SLOT_RE, half);
      double[] zi = Fft.buffer(Fft.SLOT_IM, half);
      int fullWords = half / 32;
      for (int w = 0; w < fullWords; w++) {
        long word = s.word(w);
        int j = 32 * w;
        for (int b = 0; b < 32; b++) {
          // bit 2b -> ±1 in zr, bit 2b+1 -> ±1 in zi, without branches
          zr[j + b] = (double) ((int) (word >>> (63 - 2 * b)) & 1) * 2.0 - 1.0;
          zi[j + b] = (double) ((int) (word >>> (62 - 2 * b)) & 1) * 2.0 - 1.0;
        }
      }
      for (int j = 32 * fullWords; j < half; j++) {
        zr[j] = s.bit(2 * j) * 2.0 - 1.0;
        zi[j] = s.bit(2 * j + 1) * 2.0 - 1.0;
      }
      power = Fft.buffer(Fft.SLOT_POWER, half);
      Fft.evenRealPowerSpectrum(zr, zi, half, half, power);
    } else {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = s.bit(i) == 1 ? 1.0 : -1.0;
      }
      power = Fft.realPowerSpectrum(x, half);
    }
    double bound = Math.sqrt(2.995732274 * n); // sqrt(ln(1/0.05)·n), compared to |X_k| as in the STS
    int below = 0;
    for (int k = 0; k < half; k++) {
      if (Math.sqrt(power[k]) < bound) {
        below++;
      }
    }
    double expected = 0.95 * n / 2.0;
    double d = (below - expected) / Math.sqrt(n / 4.0 * 0.95 * 0.05);
    return SpecialFunctions.erfc(Math.abs(d) / Math.sqrt(2.0));
  }
}
