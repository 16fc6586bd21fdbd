package org.ferrogen.randomness.sp80022;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discrete Fourier transforms of any length: a self-sorting (Stockham) mixed-radix FFT with
 * radix-4, 2, 3 and 5 butterflies and a direct butterfly for other small primes; lengths with a
 * prime factor above {@value #MAX_DIRECT_RADIX} go through Bluestein's chirp-z algorithm on a
 * power-of-two FFT. Plans (factorisation and twiddle tables) are cached per length and shared by
 * threads.
 */
final class Fft {

  static final int MAX_DIRECT_RADIX = 64;

  private static final Map<Integer, Fft> PLANS = new ConcurrentHashMap<>();
  private static final Map<Integer, double[][]> REAL_TWIDDLES = new ConcurrentHashMap<>();
  /**
   * Per-thread work arrays, kept between calls: at n = 10^6 every array is 4 MB, which G1
   * allocates as a humongous object; reusing them keeps the allocator and the collector out of
   * the DFT test. Softly referenced, so a thread's buffers can be reclaimed under memory pressure.
   */
  private static final ThreadLocal<SoftReference<double[][]>> BUFFERS = new ThreadLocal<>();

  /** Buffer slots of {@link #buffer}. */
  static final int SLOT_RE = 0;
  static final int SLOT_IM = 1;
  static final int SLOT_POWER = 2;
  private static final int SLOT_SCRATCH_RE = 3;
  private static final int SLOT_SCRATCH_IM = 4;

  private final int n;
  private final int[] radices;
  /** cos and sin of -2πt/n, t = 0..n-1 (direct plans only). */
  private final double[] cos;
  private final double[] sin;
  /** Per pass: twiddles w^(r·k·n/(span·R)) at [(r-1)·span + k], r = 1..R-1, k = 0..span-1. */
  private final double[][] passCos;
  private final double[][] passSin;
  /** Bluestein: chirp w_k = exp(-iπk²/n), the transformed conjugate chirp and the inner plan. */
  private final Fft inner;
  private final double[] chirpRe;
  private final double[] chirpIm;
  private final double[] kernelRe;
  private final double[] kernelIm;

  private Fft(int n) {
    this.n = n;
    List<Integer> factors = factor(n);
    boolean direct = factors.stream().allMatch(f -> f <= MAX_DIRECT_RADIX);
    if (direct) {
      radices = factors.stream().mapToInt(Integer::intValue).toArray();
      cos = new double[n];
      sin = new double[n];
      for (int t = 0; t < n; t++) {
        double angle = -2.0 * Math.PI * t / n;
        cos[t] = Math.cos(angle);
        sin[t] = Math.sin(angle);
      }
      passCos = new double[radices.length][];
      passSin = new double[radices.length][];
      int span = 1;
      for (int pass = 0; pass < radices.length; pass++) {
        int radix = radices[pass];
        int step = n / (span * radix);
        double[] pc = new double[(radix - 1) * span];
        double[] ps = new double[(radix - 1) * span];
        for (int r = 1; r < radix; r++) {
          for (int k = 0; k < span; k++) {
            int t = r * k * step;
            pc[(r - 1) * span + k] = cos[t];
            ps[(r - 1) * span + k] = sin[t];
          }
        }
        passCos[pass] = pc;
        passSin[pass] = ps;
        span *= radix;
      }
      inner = null;
      chirpRe = chirpIm = kernelRe = kernelIm = null;
    } else {
      radices = null;
      cos = sin = null;
      passCos = passSin = null;
      int m = Integer.highestOneBit(2 * n - 1);
      if (m < 2 * n - 1) {
        m <<= 1;
      }
      inner = plan(m);
      chirpRe = new double[n];
      chirpIm = new double[n];
      for (int k = 0; k < n; k++) {
        // k² mod 2n keeps the angle small and exact for large k
        long k2 = ((long) k * k) % (2L * n);
        double angle = -Math.PI * k2 / n;
        chirpRe[k] = Math.cos(angle);
        chirpIm[k] = Math.sin(angle);
      }
      kernelRe = new double[m];
      kernelIm = new double[m];
      kernelRe[0] = chirpRe[0];
      kernelIm[0] = -chirpIm[0];
      for (int k = 1; k < n; k++) {
        kernelRe[k] = kernelRe[m - k] = chirpRe[k];
        kernelIm[k] = kernelIm[m - k] = -chirpIm[k];
      }
      inner.transform(kernelRe, kernelIm);
    }
  }

  /** The (cached) plan for length n ≥ 1. */
  static Fft plan(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("FFT length must be positive, got " + n);
    }
    Fft plan = PLANS.get(n);
    if (plan == null) {
      // built outside the map: a Bluestein plan builds its inner power-of-two plan first
      plan = new Fft(n);
      Fft raced = PLANS.putIfAbsent(n, plan);
      if (raced != null) {
        plan = raced;
      }
    }
    return plan;
  }

  /** Factors, radix-4 first, then 2, 3, 5 and the remaining primes in increasing order. */
  private static List<Integer> factor(int n) {
    List<Integer> out = new ArrayList<>();
    int rest = n;
    while (rest % 4 == 0) {
      out.add(4);
      rest /= 4;
    }
    for (int p = 2; (long) p * p <= rest; p++) {
      while (rest % p == 0) {
        out.add(p);
        rest /= p;
      }
    }
    if (rest > 1) {
      out.add(rest);
    }
    return out;
  }

  /**
   * This thread's reusable array for a slot, at least {@code size} long, contents undefined. A
   * caller must not hold two arrays of the same slot at once.
   */
  static double[] buffer(int slot, int size) {
    SoftReference<double[][]> ref = BUFFERS.get();
    double[][] buffers = ref == null ? null : ref.get();
    if (buffers == null) {
      buffers = new double[5][0];
      BUFFERS.set(new SoftReference<>(buffers));
    }
    if (buffers[slot].length < size) {
      buffers[slot] = new double[size];
    }
    return buffers[slot];
  }

  /** In-place forward DFT X_k = Σ x_j exp(-2πijk/n) of (re, im), each of length n. */
  void transform(double[] re, double[] im) {
    if (n == 1) {
      return;
    }
    if (inner != null) {
      bluestein(re, im);
      return;
    }
    double[] aRe = re;
    double[] aIm = im;
    double[] bRe = buffer(SLOT_SCRATCH_RE, n);
    double[] bIm = buffer(SLOT_SCRATCH_IM, n);
    int span = 1;
    for (int pass = 0; pass < radices.length; pass++) {
      int radix = radices[pass];
      double[] tc = passCos[pass];
      double[] ts = passSin[pass];
      switch (radix) {
        case 2 -> pass2(span, tc, ts, aRe, aIm, bRe, bIm);
        case 3 -> pass3(span, tc, ts, aRe, aIm, bRe, bIm);
        case 4 -> pass4(span, tc, ts, aRe, aIm, bRe, bIm);
        case 5 -> pass5(span, tc, ts, aRe, aIm, bRe, bIm);
        default -> passGeneric(radix, span, aRe, aIm, bRe, bIm);
      }
      span *= radix;
      double[] t = aRe;
      aRe = bRe;
      bRe = t;
      t = aIm;
      aIm = bIm;
      bIm = t;
    }
    if (aRe != re) {
      System.arraycopy(aRe, 0, re, 0, n);
      System.arraycopy(aIm, 0, im, 0, n);
    }
  }

  /*
   * One Stockham pass of radix R: for j = b*span + k, inputs x[j + r*n/R] are multiplied by the
   * twiddle w^(r*k*n/(span*R)), transformed by an R-point DFT and written to
   * y[b*span*R + k + r*span]. After all passes the output is in natural order. Blocks b are the
   * outer loop and k the inner one, so every array is read and written contiguously.
   */

  private void pass2(int span, double[] tc, double[] ts, double[] xr, double[] xi, double[] yr, double[] yi) {
    int stride = n / 2;
    int blocks = stride / span;
    for (int b = 0; b < blocks; b++) {
      for (int k = 0; k < span; k++) {
        double c1 = tc[k];
        double s1 = ts[k];
        int j = b * span + k;
        double ar = xr[j];
        double ai = xi[j];
        double br = xr[j + stride] * c1 - xi[j + stride] * s1;
        double bi = xr[j + stride] * s1 + xi[j + stride] * c1;
        int d = b * span * 2 + k;
        yr[d] = ar + br;
        yi[d] = ai + bi;
        yr[d + span] = ar - br;
        yi[d + span] = ai - bi;
      }
    }
  }

  private void pass3(int span, double[] tc, double[] ts, double[] xr, double[] xi, double[] yr, double[] yi) {
    final double s3 = -Math.sqrt(3.0) / 2.0; // sin(-2π/3)
    int stride = n / 3;
    int blocks = stride / span;
    for (int b = 0; b < blocks; b++) {
      for (int k = 0; k < span; k++) {
        double c1 = tc[k];
        double s1 = ts[k];
        double c2 = tc[span + k];
        double s2 = ts[span + k];
        int j = b * span + k;
        double x0r = xr[j];
        double x0i = xi[j];
        double x1r = xr[j + stride] * c1 - xi[j + stride] * s1;
        double x1i = xr[j + stride] * s1 + xi[j + stride] * c1;
        double x2r = xr[j + 2 * stride] * c2 - xi[j + 2 * stride] * s2;
        double x2i = xr[j + 2 * stride] * s2 + xi[j + 2 * stride] * c2;
        double sr = x1r + x2r;
        double si = x1i + x2i;
        double mr = x0r - 0.5 * sr;
        double mi = x0i - 0.5 * si;
        double dr = s3 * (x1i - x2i);
        double di = s3 * (x1r - x2r);
        int d = b * span * 3 + k;
        yr[d] = x0r + sr;
        yi[d] = x0i + si;
        yr[d + span] = mr - dr;
        yi[d + span] = mi + di;
        yr[d + 2 * span] = mr + dr;
        yi[d + 2 * span] = mi - di;
      }
    }
  }

  private void pass4(int span, double[] tc, double[] ts, double[] xr, double[] xi, double[] yr, double[] yi) {
    int stride = n / 4;
    int blocks = stride / span;
    for (int b = 0; b < blocks; b++) {
      for (int k = 0; k < span; k++) {
        double c1 = tc[k];
        double s1 = ts[k];
        double c2 = tc[span + k];
        double s2 = ts[span + k];
        double c3 = tc[2 * span + k];
        double s3 = ts[2 * span + k];
        int j = b * span + k;
        double x0r = xr[j];
        double x0i = xi[j];
        double x1r = xr[j + stride] * c1 - xi[j + stride] * s1;
        double x1i = xr[j + stride] * s1 + xi[j + stride] * c1;
        double x2r = xr[j + 2 * stride] * c2 - xi[j + 2 * stride] * s2;
        double x2i = xr[j + 2 * stride] * s2 + xi[j + 2 * stride] * c2;
        double x3r = xr[j + 3 * stride] * c3 - xi[j + 3 * stride] * s3;
        double x3i = xr[j + 3 * stride] * s3 + xi[j + 3 * stride] * c3;
        double ar = x0r + x2r;
        double ai = x0i + x2i;
        double br = x0r - x2r;
        double bi = x0i - x2i;
        double cr = x1r + x3r;
        double ci = x1i + x3i;
        double dr = x1r - x3r;
        double di = x1i - x3i;
        int d = b * span * 4 + k;
        yr[d] = ar + cr;
        yi[d] = ai + ci;
        // X1 = b - i d, X3 = b + i d  (forward transform, w = exp(-2πi/4) = -i)
        yr[d + span] = br + di;
        yi[d + span] = bi - dr;
        yr[d + 2 * span] = ar - cr;
        yi[d + 2 * span] = ai - ci;
        yr[d + 3 * span] = br - di;
        yi[d + 3 * span] = bi + dr;
      }
    }
  }

  private void pass5(int span, double[] tc, double[] ts, double[] xr, double[] xi, double[] yr, double[] yi) {
    final double c1k = Math.cos(2 * Math.PI / 5);
    final double c2k = Math.cos(4 * Math.PI / 5);
    final double s1k = -Math.sin(2 * Math.PI / 5);
    final double s2k = -Math.sin(4 * Math.PI / 5);
    int stride = n / 5;
    int blocks = stride / span;
    for (int b = 0; b < blocks; b++) {
      for (int k = 0; k < span; k++) {
        double w1r = tc[k];
        double w1i = ts[k];
        double w2r = tc[span + k];
        double w2i = ts[span + k];
        double w3r = tc[2 * span + k];
        double w3i = ts[2 * span + k];
        double w4r = tc[3 * span + k];
        double w4i = ts[3 * span + k];
        int j = b * span + k;
        double x0r = xr[j];
        double x0i = xi[j];
        double x1r = xr[j + stride] * w1r - xi[j + stride] * w1i;
        double x1i = xr[j + stride] * w1i + xi[j + stride] * w1r;
        double x2r = xr[j + 2 * stride] * w2r - xi[j + 2 * stride] * w2i;
        double x2i = xr[j + 2 * stride] * w2i + xi[j + 2 * stride] * w2r;
        double x3r = xr[j + 3 * stride] * w3r - xi[j + 3 * stride] * w3i;
        double x3i = xr[j + 3 * stride] * w3i + xi[j + 3 * stride] * w3r;
        double x4r = xr[j + 4 * stride] * w4r - xi[j + 4 * stride] * w4i;
        double x4i = xr[j + 4 * stride] * w4i + xi[j + 4 * stride] * w4r;
        double a1r = x1r + x4r;
        double a1i = x1i + x4i;
        double b1r = x1r - x4r;
        double b1i = x1i - x4i;
        double a2r = x2r + x3r;
        double a2i = x2i + x3i;
        double b2r = x2r - x3r;
        double b2i = x2i - x3i;
        double m1r = x0r + c1k * a1r + c2k * a2r;
        double m1i = x0i + c1k * a1i + c2k * a2i;
        double m2r = x0r + c2k * a1r + c1k * a2r;
        double m2i = x0i + c2k * a1i + c1k * a2i;
        // i * (s1k b1 + s2k b2) and i * (s2k b1 - s1k b2)
        double n1r = -(s1k * b1i + s2k * b2i);
        double n1i = s1k * b1r + s2k * b2r;
        double n2r = -(s2k * b1i - s1k * b2i);
        double n2i = s2k * b1r - s1k * b2r;
        int d = b * span * 5 + k;
        yr[d] = x0r + a1r + a2r;
        yi[d] = x0i + a1i + a2i;
        yr[d + span] = m1r + n1r;
        yi[d + span] = m1i + n1i;
        yr[d + 4 * span] = m1r - n1r;
        yi[d + 4 * span] = m1i - n1i;
        yr[d + 2 * span] = m2r + n2r;
        yi[d + 2 * span] = m2i + n2i;
        yr[d + 3 * span] = m2r - n2r;
        yi[d + 3 * span] = m2i - n2i;
      }
    }
  }

  private void passGeneric(int radix, int span, double[] xr, double[] xi, double[] yr, double[] yi) {
    int stride = n / radix;
    int blocks = stride / span;
    int step = n / (span * radix);
    int rootStep = n / radix; // exp(-2πi/radix) = table entry n/radix
    double[] vr = new double[radix];
    double[] vi = new double[radix];
    for (int k = 0; k < span; k++) {
      for (int b = 0; b < blocks; b++) {
        int j = b * span + k;
        for (int r = 0; r < radix; r++) {
          int t = (int) ((long) r * k * step % n);
          double x = xr[j + r * stride];
          double y = xi[j + r * stride];
          vr[r] = x * cos[t] - y * sin[t];
          vi[r] = x * sin[t] + y * cos[t];
        }
        int d = b * span * radix + k;
        for (int q = 0; q < radix; q++) {
          double sr = 0;
          double si = 0;
          for (int r = 0; r < radix; r++) {
            int t = (int) ((long) q * r % radix) * rootStep;
            sr += vr[r] * cos[t] - vi[r] * sin[t];
            si += vr[r] * sin[t] + vi[r] * cos[t];
          }
          yr[d + q * span] = sr;
          yi[d + q * span] = si;
        }
      }
    }
  }

  /** X_k = w_k · Σ_j (x_j w_j)·conj(w_{k-j}) with w_k = exp(-iπk²/n), a circular convolution of length m. */
  private void bluestein(double[] re, double[] im) {
    int m = kernelRe.length;
    double[] ar = new double[m];
    double[] ai = new double[m];
    for (int k = 0; k < n; k++) {
      ar[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
      ai[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
    }
    inner.transform(ar, ai);
    for (int k = 0; k < m; k++) {
      double r = ar[k] * kernelRe[k] - ai[k] * kernelIm[k];
      double i = ar[k] * kernelIm[k] + ai[k] * kernelRe[k];
      // conjugate so that a forward transform computes the inverse
      ar[k] = r;
      ai[k] = -i;
    }
    inner.transform(ar, ai);
    for (int k = 0; k < n; k++) {
      double r = ar[k] / m;
      double i = -ai[k] / m;
      re[k] = r * chirpRe[k] - i * chirpIm[k];
      im[k] = r * chirpIm[k] + i * chirpRe[k];
    }
  }

  /**
   * Squared magnitudes |X_k|² for k = 0 .. count-1 of the DFT of the real sequence x (length n).
   * For even n it transforms x as n/2 complex points and separates the even and odd halves.
   */
  static double[] realPowerSpectrum(double[] x, int count) {
    int n = x.length;
    double[] power = new double[count];
    if (n % 2 != 0 || n < 4) {
      double[] re = x.clone();
      double[] im = new double[n];
      plan(n).transform(re, im);
      for (int k = 0; k < count; k++) {
        power[k] = re[k] * re[k] + im[k] * im[k];
      }
      return power;
    }
    int h = n / 2;
    double[] zr = new double[h];
    double[] zi = new double[h];
    for (int j = 0; j < h; j++) {
      zr[j] = x[2 * j];
      zi[j] = x[2 * j + 1];
    }
    evenRealPowerSpectrum(zr, zi, h, count, power);
    return power;
  }

  /**
   * |X_k|² for k = 0 .. count-1 (count ≤ n/2) of a real sequence x of even length n = 2h given as
   * z_j = x_2j + i·x_2j+1 (the first h entries of zr, zi; overwritten), written to power[0, count):
   * one complex FFT of length h, then X_k = E_k + W_n^k O_k with E_k = (Z_k + conj Z_{h-k})/2 and
   * O_k = (Z_k − conj Z_{h-k})/(2i).
   */
  static void evenRealPowerSpectrum(double[] zr, double[] zi, int h, int count, double[] power) {
    int n = 2 * h;
    plan(h).transform(zr, zi);
    double[][] tw = REAL_TWIDDLES.computeIfAbsent(n, Fft::halfTwiddles);
    double[] wc = tw[0];
    double[] ws = tw[1];
    for (int k = 0; k < count; k++) {
      int km = k == 0 ? 0 : h - k;
      double er = 0.5 * (zr[k] + zr[km]);
      double ei = 0.5 * (zi[k] - zi[km]);
      double or = 0.5 * (zi[k] + zi[km]);
      double oi = -0.5 * (zr[k] - zr[km]);
      double xr = er + wc[k] * or - ws[k] * oi;
      double xi = ei + wc[k] * oi + ws[k] * or;
      power[k] = xr * xr + xi * xi;
    }
  }

  private static double[][] halfTwiddles(int n) {
    int h = n / 2;
    double[] c = new double[h];
    double[] s = new double[h];
    for (int k = 0; k < h; k++) {
      double angle = -2.0 * Math.PI * k / n;
      c[k] = Math.cos(angle);
      s[k] = Math.sin(angle);
    }
    return new double[][] {c, s};
  }
}
