package org.ferrogen.genai.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;

/**
 * Encodes floats into, and decodes them from, the ggml block layouts of {@link GgmlType} (scalar
 * reference code: the vectorised dot products live in {@code org.ferrogen.genai.tensor} and are
 * tested against {@link #decode}). Layouts are ggml's (ggml-common.h), the dequantisation formulas
 * those of ggml-quants.c; this is an independent implementation.
 *
 * <p>Quantisers: Q8_0 uses d = max|x|/127 and q = round(x/d); Q4_0 uses d = m/-8 where m is the
 * element of largest magnitude (with its sign) and q = min(15, trunc(x/d + 8.5)); Q4_1 and Q5_1 put
 * min and max on the ends of the 16 (32) levels; Q5_0 is Q4_0 with d = m/-16 over 32 levels. These are
 * ggml's reference quantisers. Q4_K and Q6_K follow the behaviour of ggml's reference quantisers
 * ({@code quantize_row_q4_K_ref}, {@code quantize_row_q6_K_ref}): per sub-block a weighted
 * least-squares scale (and, for Q4_K, min) searched over a small grid of trial scales, then the
 * sub-block scales quantised to 6 bits (Q4_K) or int8 (Q6_K) against one fp16 super-block scale,
 * and the values re-quantised with the quantised scales. Rounding is to nearest, ties to even, as
 * ggml's {@code nearest_int}.
 */
public final class GgmlCodec {
  private GgmlCodec() {}

  /** Types {@link #encode} writes. */
  private static final Set<GgmlType> ENCODABLE = EnumSet.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16,
      GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.Q4_K, GgmlType.Q6_K);

  /** Whether {@link #encode} can write {@code type}. */
  public static boolean canEncode(GgmlType type) {
    return ENCODABLE.contains(type);
  }

  /** The types {@link #encode} writes, in ggml order. */
  public static Set<GgmlType> encodableTypes() {
    return EnumSet.copyOf(ENCODABLE);
  }

  /** Encodes {@code src} (a multiple of the type's block size) into a little-endian byte array. */
  public static byte[] encode(float[] src, GgmlType type) {
    if (!canEncode(type)) {
      throw new IllegalArgumentException("cannot write tensor type " + type + " (writable: " + ENCODABLE + ")");
    }
    if (src.length % type.blockSize() != 0) {
      throw new IllegalArgumentException(
          src.length + " elements are not a multiple of " + type + "'s block size " + type.blockSize());
    }
    long bytes = type.bytesFor(src.length);
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("tensor of " + bytes + " bytes is too large to encode at once");
    }
    ByteBuffer out = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case F32 -> {
        for (float v : src) {
          out.putFloat(v);
        }
      }
      case F16 -> {
        for (float v : src) {
          out.putShort(Half.fromFloat(v));
        }
      }
      case BF16 -> {
        for (float v : src) {
          out.putShort(Half.floatToBf16(v));
        }
      }
      case Q8_0 -> {
        for (int b = 0; b < src.length; b += 32) {
          float amax = 0;
          for (int i = 0; i < 32; i++) {
            amax = Math.max(amax, Math.abs(src[b + i]));
          }
          float d = amax / 127f;
          float id = d != 0 ? 1f / d : 0f;
          out.putShort(Half.fromFloat(d));
          for (int i = 0; i < 32; i++) {
            out.put((byte) Math.round(src[b + i] * id));
          }
        }
      }
      case Q4_0, Q5_0 -> {
        boolean five = type == GgmlType.Q5_0;
        int levels = five ? 16 : 8;
        for (int b = 0; b < src.length; b += 32) {
          float amax = 0;
          float max = 0;
          for (int i = 0; i < 32; i++) {
            float v = src[b + i];
            if (Math.abs(v) > amax) {
              amax = Math.abs(v);
              max = v;
            }
          }
          float d = max / -levels;
          float id = d != 0 ? 1f / d : 0f;
          out.putShort(Half.fromFloat(d));
          int[] q = new int[32];
          for (int i = 0; i < 32; i++) {
            q[i] = Math.min(2 * levels - 1, (int) (src[b + i] * id + levels + 0.5f));
          }
          putNibbles(out, q, five);
        }
      }
      case Q4_1, Q5_1 -> {
        boolean five = type == GgmlType.Q5_1;
        int top = five ? 31 : 15;
        for (int b = 0; b < src.length; b += 32) {
          float min = Float.MAX_VALUE;
          float max = -Float.MAX_VALUE;
          for (int i = 0; i < 32; i++) {
            min = Math.min(min, src[b + i]);
            max = Math.max(max, src[b + i]);
          }
          float d = (max - min) / top;
          float id = d != 0 ? 1f / d : 0f;
          out.putShort(Half.fromFloat(d));
          out.putShort(Half.fromFloat(min));
          int[] q = new int[32];
          for (int i = 0; i < 32; i++) {
            q[i] = Math.min(top, (int) ((src[b + i] - min) * id + 0.5f));
          }
          putNibbles(out, q, five);
        }
      }
      case Q4_K -> {
        for (int b = 0; b < src.length; b += 256) {
          KQuantizers.q4k(src, b, out);
        }
      }
      case Q6_K -> {
        for (int b = 0; b < src.length; b += 256) {
          KQuantizers.q6k(src, b, out);
        }
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
    return out.array();
  }

  /** Q4_0/Q5_0/Q4_1/Q5_1 quants: for 5 bits first the 32 fifth bits as a uint32, then the nibbles. */
  private static void putNibbles(ByteBuffer out, int[] q, boolean fifthBit) {
    if (fifthBit) {
      int qh = 0;
      for (int j = 0; j < 16; j++) {
        qh |= ((q[j] >>> 4) & 1) << j;
        qh |= ((q[j + 16] >>> 4) & 1) << (j + 16);
      }
      out.putInt(qh);
    }
    for (int j = 0; j < 16; j++) {
      out.put((byte) ((q[j] & 0x0f) | ((q[j + 16] & 0x0f) << 4)));
    }
  }

  /**
   * Decodes {@code count} elements starting at element {@code firstElement} (block-aligned for the
   * quantised types) from {@code data} (little-endian, absolute indexing) into {@code dst[dstOff..]}.
   */
  public static void decode(
      ByteBuffer data, GgmlType type, long firstElement, int count, float[] dst, int dstOff) {
    if (!type.runnable()) {
      throw new IllegalArgumentException("tensor type " + type + " cannot be decoded by this build (supported: "
          + GgmlType.runnableNames() + ")");
    }
    int bs = type.blockSize();
    if (firstElement % bs != 0 || count % bs != 0) {
      throw new IllegalArgumentException("decode range must be block aligned for " + type);
    }
    int base = Math.toIntExact(type.bytesFor(firstElement));
    ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case F32 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = in.getFloat(base + 4 * i);
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = Half.toFloat(in.getShort(base + 2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = Half.bf16ToFloat(in.getShort(base + 2 * i));
        }
      }
      default -> {
        int bpb = type.bytesPerBlock();
        for (int b = 0; b < count / bs; b++) {
          decodeBlock(in, type, base + b * bpb, dst, dstOff + b * bs);
        }
      }
    }
  }

  /** Decodes one block of a quantised type at byte {@code p} into {@code y[o .. o+blockSize)}. */
  static void decodeBlock(ByteBuffer in, GgmlType type, int p, float[] y, int o) {
    switch (type) {
      case Q8_0 -> {
        float d = half(in, p);
        for (int i = 0; i < 32; i++) {
          y[o + i] = in.get(p + 2 + i) * d;
        }
      }
      case Q4_0 -> {
        float d = half(in, p);
        for (int j = 0; j < 16; j++) {
          int q = in.get(p + 2 + j) & 0xff;
          y[o + j] = ((q & 0x0f) - 8) * d;
          y[o + 16 + j] = ((q >>> 4) - 8) * d;
        }
      }
      case Q4_1 -> {
        float d = half(in, p);
        float m = half(in, p + 2);
        for (int j = 0; j < 16; j++) {
          int q = in.get(p + 4 + j) & 0xff;
          y[o + j] = (q & 0x0f) * d + m;
          y[o + 16 + j] = (q >>> 4) * d + m;
        }
      }
      case Q5_0 -> {
        float d = half(in, p);
        int qh = in.getInt(p + 2);
        for (int j = 0; j < 16; j++) {
          int q = in.get(p + 6 + j) & 0xff;
          y[o + j] = (((q & 0x0f) | (((qh >>> j) & 1) << 4)) - 16) * d;
          y[o + 16 + j] = (((q >>> 4) | (((qh >>> (j + 16)) & 1) << 4)) - 16) * d;
        }
      }
      case Q5_1 -> {
        float d = half(in, p);
        float m = half(in, p + 2);
        int qh = in.getInt(p + 4);
        for (int j = 0; j < 16; j++) {
          int q = in.get(p + 8 + j) & 0xff;
          y[o + j] = ((q & 0x0f) | (((qh >>> j) & 1) << 4)) * d + m;
          y[o + 16 + j] = ((q >>> 4) | (((qh >>> (j + 16)) & 1) << 4)) * d + m;
        }
      }
      case Q2_K -> {
        // scales[16] @0 (low nibble scale, high nibble min), qs[64] @16, d @80, dmin @82.
        float d = half(in, p + 80);
        float dmin = half(in, p + 82);
        int is = 0;
        for (int n = 0; n < 2; n++) {
          int q = p + 16 + 32 * n;
          for (int shift = 0; shift < 8; shift += 2) {
            for (int half = 0; half < 2; half++) {
              int sc = in.get(p + is++) & 0xff;
              float dl = d * (sc & 0x0f);
              float ml = dmin * (sc >>> 4);
              for (int l = 0; l < 16; l++) {
                y[o++] = dl * (((in.get(q + 16 * half + l) & 0xff) >>> shift) & 3) - ml;
              }
            }
          }
        }
      }
      case Q3_K -> {
        // hmask[32] @0, qs[64] @32, scales[12] @96, d @108.
        float d = half(in, p + 108);
        int[] sc = q3kScales(in, p + 96);
        int is = 0;
        int bit = 0;
        for (int n = 0; n < 2; n++) {
          int q = p + 32 + 32 * n;
          for (int shift = 0; shift < 8; shift += 2, bit++) {
            for (int half = 0; half < 2; half++) {
              float dl = d * (sc[is++] - 32);
              for (int l = 0; l < 16; l++) {
                int low = ((in.get(q + 16 * half + l) & 0xff) >>> shift) & 3;
                int high = ((in.get(p + 16 * half + l) >>> bit) & 1) != 0 ? 0 : 4;
                y[o++] = dl * (low - high);
              }
            }
          }
        }
      }
      case Q4_K -> {
        // d @0, dmin @2, scales[12] @4, qs[128] @16.
        float d = half(in, p);
        float dmin = half(in, p + 2);
        for (int j = 0; j < 4; j++) {
          float d1 = d * scaleK4(in, p + 4, 2 * j);
          float m1 = dmin * minK4(in, p + 4, 2 * j);
          float d2 = d * scaleK4(in, p + 4, 2 * j + 1);
          float m2 = dmin * minK4(in, p + 4, 2 * j + 1);
          int q = p + 16 + 32 * j;
          for (int l = 0; l < 32; l++) {
            int b = in.get(q + l) & 0xff;
            y[o + 64 * j + l] = d1 * (b & 0x0f) - m1;
            y[o + 64 * j + 32 + l] = d2 * (b >>> 4) - m2;
          }
        }
      }
      case Q5_K -> {
        // d @0, dmin @2, scales[12] @4, qh[32] @16, qs[128] @48.
        float d = half(in, p);
        float dmin = half(in, p + 2);
        for (int j = 0; j < 4; j++) {
          float d1 = d * scaleK4(in, p + 4, 2 * j);
          float m1 = dmin * minK4(in, p + 4, 2 * j);
          float d2 = d * scaleK4(in, p + 4, 2 * j + 1);
          float m2 = dmin * minK4(in, p + 4, 2 * j + 1);
          int q = p + 48 + 32 * j;
          for (int l = 0; l < 32; l++) {
            int b = in.get(q + l) & 0xff;
            int h = in.get(p + 16 + l) & 0xff;
            y[o + 64 * j + l] = d1 * ((b & 0x0f) | (((h >>> (2 * j)) & 1) << 4)) - m1;
            y[o + 64 * j + 32 + l] = d2 * ((b >>> 4) | (((h >>> (2 * j + 1)) & 1) << 4)) - m2;
          }
        }
      }
      case Q6_K -> {
        // ql[128] @0, qh[64] @128, scales[16] (int8) @192, d @208.
        float d = half(in, p + 208);
        for (int n = 0; n < 2; n++) {
          int ql = p + 64 * n;
          int qh = p + 128 + 32 * n;
          int sc = p + 192 + 8 * n;
          int yo = o + 128 * n;
          for (int l = 0; l < 32; l++) {
            int is = l / 16;
            int lo0 = in.get(ql + l) & 0xff;
            int lo1 = in.get(ql + 32 + l) & 0xff;
            int h = in.get(qh + l) & 0xff;
            y[yo + l] = d * in.get(sc + is) * (((lo0 & 0x0f) | ((h & 3) << 4)) - 32);
            y[yo + 32 + l] = d * in.get(sc + is + 2) * (((lo1 & 0x0f) | (((h >>> 2) & 3) << 4)) - 32);
            y[yo + 64 + l] = d * in.get(sc + is + 4) * (((lo0 >>> 4) | (((h >>> 4) & 3) << 4)) - 32);
            y[yo + 96 + l] = d * in.get(sc + is + 6) * (((lo1 >>> 4) | (((h >>> 6) & 3) << 4)) - 32);
          }
        }
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
  }

  private static float half(ByteBuffer in, int p) {
    return Half.toFloat(in.getShort(p));
  }

  /**
   * The 6-bit scale of sub-block {@code j} (0..7) of a Q4_K/Q5_K super-block: the 12 bytes hold
   * scales 0..3 and mins 0..3 in the low 6 bits of bytes 0..3 and 4..7; scales and mins 4..7 have
   * their low 4 bits in the nibbles of bytes 8..11 and their top 2 bits in the top bits of bytes 0..7.
   */
  public static int scaleK4(ByteBuffer in, int s, int j) {
    return j < 4 ? in.get(s + j) & 63 : (in.get(s + j + 4) & 0x0f) | (((in.get(s + j - 4) & 0xff) >>> 6) << 4);
  }

  /** The 6-bit min of sub-block {@code j} of a Q4_K/Q5_K super-block (see {@link #scaleK4}). */
  public static int minK4(ByteBuffer in, int s, int j) {
    return j < 4 ? in.get(s + j + 4) & 63 : ((in.get(s + j + 4) & 0xff) >>> 4) | (((in.get(s + j) & 0xff) >>> 6) << 4);
  }

  /**
   * The sixteen 6-bit scales (0..63, stored with an offset of 32) of a Q3_K super-block: the low 4
   * bits of scale i are the low nibble of byte i (i < 8) or the high nibble of byte i-8; the top 2
   * bits of scale i are bits 2·(i mod 4)..+1 of byte 8 + i/4.
   */
  public static int[] q3kScales(ByteBuffer in, int s) {
    int[] sc = new int[16];
    for (int i = 0; i < 16; i++) {
      int low = i < 8 ? in.get(s + i) & 0x0f : (in.get(s + i - 8) & 0xff) >>> 4;
      int high = ((in.get(s + 8 + (i & 3)) & 0xff) >>> (2 * (i >>> 2))) & 3;
      sc[i] = low | (high << 4);
    }
    return sc;
  }
}
