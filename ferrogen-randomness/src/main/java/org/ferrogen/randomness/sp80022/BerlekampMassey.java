package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * Berlekamp–Massey over GF(2) on packed words: the connection polynomials C and B are bit
 * vectors, the discrepancy is the parity of C AND (a window of the reversed block), and the update
 * C ← C XOR (B shifted) works 64 coefficients at a time.
 */
public final class BerlekampMassey {

  private BerlekampMassey() {}

  /** Linear complexity of bits [from, from + length) of s. */
  public static int linearComplexity(BitSequence s, int from, int length) {
    return new Workspace(length).linearComplexity(s, from);
  }

  /** Scratch buffers for blocks of one length; reusable across blocks, not across threads. */
  static final class Workspace {
    private final int length;
    private final int words; // W: words holding a polynomial of degree <= length
    private final long[] reversed; // LSB-first words of the block reversed and left-padded to 64W bits
    private long[] c;
    private long[] b;
    private long[] spare;

    Workspace(int length) {
      this.length = length;
      this.words = (length + 64) / 64;
      this.reversed = new long[words + 1];
      this.c = new long[words];
      this.b = new long[words];
      this.spare = new long[words];
    }

    int linearComplexity(BitSequence s, int from) {
      int total = 64 * words;
      // Block bits MSB-first, zero-padded to 64W bits. Read as LSB-first words in reverse word
      // order this is the reversed block: reversed bit j = padded bit (64W - 1 - j), so block bit
      // N - i (i = 0..L) sits at reversed position (64W - 1 - N) + i.
      for (int w = 0; w < words; w++) {
        int start = from + 64 * w;
        int len = Math.max(0, Math.min(64, from + length - start));
        long msbFirst = len == 0 ? 0L : s.bits(start, len) << (64 - len);
        reversed[words - 1 - w] = msbFirst;
      }
      reversed[words] = 0L;
      java.util.Arrays.fill(c, 0L);
      java.util.Arrays.fill(b, 0L);
      c[0] = 1L;
      b[0] = 1L;
      int cTop = 1; // words of C that may be non-zero
      int bTop = 1;
      int l = 0;
      int m = -1;
      for (int n = 0; n < length; n++) {
        int offset = total - 1 - n;
        int limit = Math.min(cTop, (l >>> 6) + 1);
        long acc = 0L;
        for (int k = 0; k < limit; k++) {
          int bit = offset + 64 * k;
          int q = bit >>> 6;
          int sh = bit & 63;
          long window = sh == 0 ? reversed[q] : (reversed[q] >>> sh) | (reversed[q + 1] << (64 - sh));
          acc ^= c[k] & window;
        }
        if ((Long.bitCount(acc) & 1) == 0) {
          continue;
        }
        // spare = C XOR B * x^(n - m)
        int shift = n - m;
        int ws = shift >>> 6;
        int bs = shift & 63;
        int top = Math.min(words, Math.max(cTop, bTop + ws + 1));
        for (int k = 0; k < top; k++) {
          long shifted;
          int src = k - ws;
          if (src < 0) {
            shifted = 0L;
          } else if (bs == 0) {
            shifted = src < bTop ? b[src] : 0L;
          } else {
            long lo = src < bTop ? b[src] << bs : 0L;
            long hi = src - 1 >= 0 && src - 1 < bTop ? b[src - 1] >>> (64 - bs) : 0L;
            shifted = lo | hi;
          }
          spare[k] = (k < cTop ? c[k] : 0L) ^ shifted;
        }
        if (l <= n / 2) {
          l = n + 1 - l;
          m = n;
          long[] oldB = b;
          b = c; // B <- old C
          bTop = cTop;
          c = spare;
          cTop = top;
          spare = oldB;
        } else {
          long[] oldC = c;
          c = spare;
          cTop = top;
          spare = oldC;
        }
      }
      return l;
    }
  }
}
