package org.ferrogen.genai.gguf;

import java.nio.ByteBuffer;

/**
 * Quantisers for the K-quant super-blocks FerroGen writes (Q4_K, Q6_K), following the behaviour of
 * ggml's reference quantisers in ggml-quants.c ({@code make_qkx2_quants} for Q4_K's scale-and-min
 * sub-blocks, {@code make_qx_quants} with squared-value weights for Q6_K's symmetric sub-blocks).
 * Independent code; the layouts are ggml's (see {@link GgmlType}).
 */
final class KQuantizers {
  private KQuantizers() {}

  /** ggml's GROUP_MAX_EPS: a sub-block whose largest magnitude is below it quantises to zero. */
  private static final float GROUP_MAX_EPS = 1e-15f;

  /** Round to nearest, ties to even (ggml's nearest_int). */
  private static int nearest(float v) {
    return (int) Math.rint(v);
  }

  /** One Q4_K super-block of x[b .. b+256) appended to {@code out}. */
  static void q4k(float[] x, int b, ByteBuffer out) {
    float[] scales = new float[8];
    float[] mins = new float[8];
    int[] l = new int[256];
    float maxScale = 0;
    float maxMin = 0;
    for (int j = 0; j < 8; j++) {
      int o = b + 32 * j;
      float sumX2 = 0;
      for (int i = 0; i < 32; i++) {
        sumX2 += x[o + i] * x[o + i];
      }
      float avX = (float) Math.sqrt(sumX2 / 32);
      float[] w = new float[32];
      for (int i = 0; i < 32; i++) {
        w[i] = avX + Math.abs(x[o + i]);
      }
      float[] min = new float[1];
      scales[j] = scaleAndMin(x, o, 32, 15, w, l, 32 * j, min);
      mins[j] = min[0];
      maxScale = Math.max(maxScale, scales[j]);
      maxMin = Math.max(maxMin, mins[j]);
    }
    float invScale = maxScale > 0 ? 63f / maxScale : 0f;
    float invMin = maxMin > 0 ? 63f / maxMin : 0f;
    byte[] packed = new byte[12];
    int[] ls = new int[8];
    int[] lm = new int[8];
    for (int j = 0; j < 8; j++) {
      ls[j] = Math.min(63, nearest(invScale * scales[j]));
      lm[j] = Math.min(63, nearest(invMin * mins[j]));
      if (j < 4) {
        packed[j] = (byte) ls[j];
        packed[j + 4] = (byte) lm[j];
      } else {
        packed[j + 4] = (byte) ((ls[j] & 0x0f) | ((lm[j] & 0x0f) << 4));
        packed[j - 4] |= (byte) ((ls[j] >>> 4) << 6);
        packed[j] |= (byte) ((lm[j] >>> 4) << 6);
      }
    }
    short dh = Half.fromFloat(maxScale / 63f);
    short dminh = Half.fromFloat(maxMin / 63f);
    float d = Half.toFloat(dh);
    float dmin = Half.toFloat(dminh);
    for (int j = 0; j < 8; j++) {
      float dl = d * ls[j];
      if (dl == 0) {
        continue;
      }
      float dm = dmin * lm[j];
      for (int i = 0; i < 32; i++) {
        l[32 * j + i] = Math.max(0, Math.min(15, nearest((x[b + 32 * j + i] + dm) / dl)));
      }
    }
    out.putShort(dh);
    out.putShort(dminh);
    out.put(packed);
    for (int j = 0; j < 256; j += 64) {
      for (int i = 0; i < 32; i++) {
        out.put((byte) (l[j + i] | (l[j + 32 + i] << 4)));
      }
    }
  }

  /**
   * Weighted least-squares fit x ≈ scale·q − min with q in 0..nmax and min ≥ 0 (ggml's
   * make_qkx2_quants with rmin −1, rdelta 0.1, 20 steps): starting from the min/max range, trial
   * inverse scales (nmax + rmin + rdelta·k)/(max − min) are rounded and the closed-form weighted
   * least-squares scale and offset of each rounding is kept when it lowers the weighted squared
   * error. Writes the chosen q into {@code l[lo ..]}, the min into {@code theMin[0]}; returns the scale.
   */
  private static float scaleAndMin(float[] x, int o, int n, int nmax, float[] w, int[] l, int lo, float[] theMin) {
    float min = x[o];
    float max = x[o];
    float sumW = w[0];
    float sumX = sumW * x[o];
    for (int i = 1; i < n; i++) {
      min = Math.min(min, x[o + i]);
      max = Math.max(max, x[o + i]);
      sumW += w[i];
      sumX += w[i] * x[o + i];
    }
    if (min > 0) {
      min = 0;
    }
    if (max == min) {
      for (int i = 0; i < n; i++) {
        l[lo + i] = 0;
      }
      theMin[0] = -min;
      return 0;
    }
    float iscale = nmax / (max - min);
    float scale = 1 / iscale;
    float bestErr = 0;
    for (int i = 0; i < n; i++) {
      int q = Math.max(0, Math.min(nmax, nearest(iscale * (x[o + i] - min))));
      l[lo + i] = q;
      float diff = scale * q + min - x[o + i];
      bestErr += w[i] * diff * diff;
    }
    int[] trial = new int[n];
    for (int step = 0; step <= 20; step++) {
      iscale = (-1f + 0.1f * step + nmax) / (max - min);
      float sumL = 0;
      float sumL2 = 0;
      float sumXl = 0;
      for (int i = 0; i < n; i++) {
        int q = Math.max(0, Math.min(nmax, nearest(iscale * (x[o + i] - min))));
        trial[i] = q;
        sumL += w[i] * q;
        sumL2 += w[i] * q * q;
        sumXl += w[i] * q * x[o + i];
      }
      float det = sumW * sumL2 - sumL * sumL;
      if (det > 0) {
        float thisScale = (sumW * sumXl - sumX * sumL) / det;
        float thisMin = (sumL2 * sumX - sumL * sumXl) / det;
        if (thisMin > 0) {
          thisMin = 0;
          thisScale = sumXl / sumL2;
        }
        float err = 0;
        for (int i = 0; i < n; i++) {
          float diff = thisScale * trial[i] + thisMin - x[o + i];
          err += w[i] * diff * diff;
        }
        if (err < bestErr) {
          System.arraycopy(trial, 0, l, lo, n);
          bestErr = err;
          scale = thisScale;
          min = thisMin;
        }
      }
    }
    theMin[0] = -min;
    return scale;
  }

  /** One Q6_K super-block of x[b .. b+256) appended to {@code out}. */
  static void q6k(float[] x, int b, ByteBuffer out) {
    float[] scales = new float[16];
    int[] l = new int[256];
    float maxScale = 0;
    float maxAbsScale = 0;
    for (int ib = 0; ib < 16; ib++) {
      float s = symmetricScale(x, b + 16 * ib, 16, 32, l, 16 * ib);
      scales[ib] = s;
      if (Math.abs(s) > maxAbsScale) {
        maxAbsScale = Math.abs(s);
        maxScale = s;
      }
    }
    byte[] sc = new byte[16];
    short dh;
    if (maxAbsScale < GROUP_MAX_EPS) {
      dh = 0;
      java.util.Arrays.fill(l, 32);
    } else {
      float iscale = -128f / maxScale;
      dh = Half.fromFloat(1 / iscale);
      for (int ib = 0; ib < 16; ib++) {
        sc[ib] = (byte) Math.min(127, nearest(iscale * scales[ib]));
      }
      float d = Half.toFloat(dh);
      for (int j = 0; j < 16; j++) {
        float dl = d * sc[j];
        if (dl == 0) {
          for (int i = 0; i < 16; i++) {
            l[16 * j + i] = 32;
          }
          continue;
        }
        for (int i = 0; i < 16; i++) {
          int q = nearest(x[b + 16 * j + i] / dl);
          l[16 * j + i] = Math.max(-32, Math.min(31, q)) + 32;
        }
      }
    }
    byte[] ql = new byte[128];
    byte[] qh = new byte[64];
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < 32; i++) {
        int q1 = l[128 * n + i];
        int q2 = l[128 * n + 32 + i];
        int q3 = l[128 * n + 64 + i];
        int q4 = l[128 * n + 96 + i];
        ql[64 * n + i] = (byte) ((q1 & 0x0f) | ((q3 & 0x0f) << 4));
        ql[64 * n + 32 + i] = (byte) ((q2 & 0x0f) | ((q4 & 0x0f) << 4));
        qh[32 * n + i] = (byte) ((q1 >>> 4) | ((q2 >>> 4) << 2) | ((q3 >>> 4) << 4) | ((q4 >>> 4) << 6));
      }
    }
    out.put(ql);
    out.put(qh);
    out.put(sc);
    out.putShort(dh);
  }

  /**
   * Symmetric fit x ≈ scale·q with q in −nmax..nmax−1, weights x² (ggml's make_qx_quants with
   * rmse_type 1): the scale from the largest-magnitude element, then 19 trial inverse scales
   * −(nmax + 0.1·k)/max, k = −9..9, each rounded and refitted by weighted least squares, keeping the
   * one with the largest Σwxq²/Σwq² (the least weighted squared error).
   */
  private static float symmetricScale(float[] x, int o, int n, int nmax, int[] l, int lo) {
    float max = 0;
    float amax = 0;
    for (int i = 0; i < n; i++) {
      float ax = Math.abs(x[o + i]);
      if (ax > amax) {
        amax = ax;
        max = x[o + i];
      }
    }
    if (amax < GROUP_MAX_EPS) {
      for (int i = 0; i < n; i++) {
        l[lo + i] = 0;
      }
      return 0;
    }
    float iscale = -nmax / max;
    float sumLx = 0;
    float sumL2 = 0;
    for (int i = 0; i < n; i++) {
      int q = Math.max(-nmax, Math.min(nmax - 1, nearest(iscale * x[o + i])));
      l[lo + i] = q + nmax;
      float w = x[o + i] * x[o + i];
      sumLx += w * x[o + i] * q;
      sumL2 += w * q * q;
    }
    float scale = sumL2 > 0 ? sumLx / sumL2 : 0;
    float best = scale * sumLx;
    for (int k = -9; k <= 9; k++) {
      if (k == 0) {
        continue;
      }
      iscale = -(nmax + 0.1f * k) / max;
      sumLx = 0;
      sumL2 = 0;
      for (int i = 0; i < n; i++) {
        int q = Math.max(-nmax, Math.min(nmax - 1, nearest(iscale * x[o + i])));
        float w = x[o + i] * x[o + i];
        sumLx += w * x[o + i] * q;
        sumL2 += w * q * q;
      }
      if (sumL2 > 0 && sumLx * sumLx > best * sumL2) {
        for (int i = 0; i < n; i++) {
          l[lo + i] = Math.max(-nmax, Math.min(nmax - 1, nearest(iscale * x[o + i]))) + nmax;
        }
        scale = sumLx / sumL2;
        best = scale * sumLx;
      }
    }
    return scale;
  }
}
