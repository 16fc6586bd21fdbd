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
    double[] x = new double[n];
    for (int w = 0, i = 0; w < s.wordCount(); w++) {
      long word = s.word(w);
      int end = Math.min(64, n - i);
      for (int b = 0; b < end; b++, i++) {
        x[i] = (word << b) < 0 ? 1.0 : -1.0;
      }
    }
    int half = n / 2;
    double[] power = Fft.realPowerSpectrum(x, half);
    double threshold = 2.995732274 * n; // squared bound sqrt(ln(1/0.05)·n)
    int below = 0;
    for (int k = 0; k < half; k++) {
      if (Math.sqrt(power[k]) < Math.sqrt(threshold)) {
        below++;
      }
    }
    double expected = 0.95 * n / 2.0;
    double d = (below - expected) / Math.sqrt(n / 4.0 * 0.95 * 0.05);
    return SpecialFunctions.erfc(Math.abs(d) / Math.sqrt(2.0));
  }
}
