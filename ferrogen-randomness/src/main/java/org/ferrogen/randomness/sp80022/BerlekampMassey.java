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
    private final long[] b;
    private long[] spare;

    Workspace(int length) {
      this.length = length;
      this.words = (length + 64) / 64;
      this.reversed = new long[words + 1];
      this.c = new long[words];
      this.b = new long[words + 1];
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
      long[] r = reversed;
      long[] c = this.c;
      long[] b = this.b; // b[k + 1] holds word k of B; b[0] stays zero so b[k] is B's word k-1
      long[] spare = this.spare;
      java.util.Arrays.fill(c, 0L);
      java.util.Arrays.fill(b, 0L);
      java.util.Arrays.fill(spare, 0L);
      c[0] = 1L;
      b[1] = 1L;
      int l = 0;
      int m = -1;
      for (int n = 0; n < length; n++) {
        int offset = total - 1 - n;
        int q = offset >>> 6;
        int sh = offset & 63;
        int limit = (l >>> 6) + 1;
        long acc = 0L;
        for (int k = 0; k < limit; k++) {
          // ((x << 1) << (63 - sh)) is x << (64 - sh) and also correct (zero) for sh = 0
          long window = (r[q + k] >>> sh) | ((r[q + k + 1] << 1) << (63 - sh));
          acc ^= c[k] & window;
        }
        if ((Long.bitCount(acc) & 1) == 0) {
          continue;
        }
        // spare = C XOR B * x^(n - m). Both terms have degree <= n + 1, so words above
        // (n + 1) / 64 stay zero; they are zero in spare already, because spare always holds a
        // former C, whose degree was at most its L, and L never decreases.
        int shift = n - m;
        int ws = shift >>> 6;
        int bs = shift & 63;
        int top = Math.min(words, ((n + 1) >>> 6) + 1);
        int k = 0;
        for (; k < ws && k < top; k++) {
          spare[k] = c[k];
        }
        for (; k < top; k++) {
          int src = k - ws + 1;
          spare[k] = c[k] ^ (b[src] << bs) ^ ((b[src - 1] >>> 1) >>> (63 - bs));
        }
        if (l <= n / 2) {
          l = n + 1 - l;
          m = n;
          // B <- old C (stored one word up), C <- spare
          for (int j = 0; j < top; j++) {
            b[j + 1] = c[j];
          }
          long[] oldC = c;
          c = spare;
          spare = oldC;
        } else {
          long[] oldC = c;
          c = spare;
          spare = oldC;
        }
      }
      this.c = c;
      this.spare = spare;
      return l;
    }
  }
}
