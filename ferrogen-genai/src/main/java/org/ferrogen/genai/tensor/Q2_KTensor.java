package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q2_K: super-blocks of 256 in 84 bytes: 16 bytes of sub-block scale (low nibble) and min (high
 * nibble), 64 bytes of 2-bit quants, fp16 d, fp16 dmin. In each half n (128 elements, quant bytes
 * 32n..32n+31), bit pair s (shift 2s) of byte l is element 32s+l; each 16 elements have their own
 * scale byte, in element order; value d·scale·q − dmin·min.
 */
final class Q2_KTensor extends BlockTensor {
  Q2_KTensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q2_K, rows, cols, data);
  }

  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < cols; i += 256, p += 84) {
      float d = half(w, p + 80);
      float dmin = half(w, p + 82);
      int is = p;
      for (int n = 0; n < 2; n++) {
        int q = p + 16 + 32 * n;
        ByteVector v0 = bytes(w, q);
        ByteVector v1 = bytes(w, q + 8);
        ByteVector v2 = bytes(w, q + 16);
        ByteVector v3 = bytes(w, q + 24);
        for (int s = 0; s < 4; s++) {
          int xo = i + 128 * n + 32 * s;
          int shift = 2 * s;
          FloatVector xa = xs(x, xo);
          FloatVector xb = xs(x, xo + 8);
          FloatVector xc = xs(x, xo + 16);
          FloatVector xd = xs(x, xo + 24);
          FloatVector sa = widen(bits(v0, shift, 0, 2)).mul(xa);
          sa = widen(bits(v1, shift, 0, 2)).fma(xb, sa);
          FloatVector sb = widen(bits(v2, shift, 0, 2)).mul(xc);
          sb = widen(bits(v3, shift, 0, 2)).fma(xd, sb);
          int sc1 = w[is++] & 0xff;
          int sc2 = w[is++] & 0xff;
          acc = sa.fma(bc(d * (sc1 & 0x0f)), acc);
          acc = xa.add(xb).fma(bc(-dmin * (sc1 >>> 4)), acc);
          acc = sb.fma(bc(d * (sc2 & 0x0f)), acc);
          acc = xc.add(xd).fma(bc(-dmin * (sc2 >>> 4)), acc);
        }
      }
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }
}
