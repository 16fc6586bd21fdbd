package org.ferrogen.genai.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes floats into, and decodes them from, the ggml block layouts of {@link GgmlType}. The
 * quantisers follow ggml's reference quantisers (ggml-quants.c): Q8_0 uses d = max|x|/127 and
 * q = round(x/d); Q4_0 uses d = m/-8 where m is the element of largest magnitude (with its sign)
 * and q = min(15, trunc(x/d + 8.5)).
 */
public final class GgmlCodec {
  private GgmlCodec() {}

  /** Encodes {@code src} (a multiple of the type's block size) into a little-endian byte array. */
  public static byte[] encode(float[] src, GgmlType type) {
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
      case Q4_0 -> {
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
          float d = max / -8f;
          float id = d != 0 ? 1f / d : 0f;
          out.putShort(Half.fromFloat(d));
          for (int j = 0; j < 16; j++) {
            int lo = Math.min(15, (int) (src[b + j] * id + 8.5f));
            int hi = Math.min(15, (int) (src[b + 16 + j] * id + 8.5f));
            out.put((byte) (lo | (hi << 4)));
          }
        }
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
    return out.array();
  }

  /**
   * Decodes {@code count} elements starting at element {@code firstElement} (block-aligned for the
   * quantised types) from {@code data} (little-endian, absolute indexing) into {@code dst[dstOff..]}.
   */
  public static void decode(
      ByteBuffer data, GgmlType type, long firstElement, int count, float[] dst, int dstOff) {
    if (firstElement % type.blockSize() != 0 || count % type.blockSize() != 0) {
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
      case Q8_0 -> {
        for (int b = 0; b < count; b += 32) {
          int p = base + b / 32 * 34;
          float d = Half.toFloat(in.getShort(p));
          for (int i = 0; i < 32; i++) {
            dst[dstOff + b + i] = in.get(p + 2 + i) * d;
          }
        }
      }
      case Q4_0 -> {
        for (int b = 0; b < count; b += 32) {
          int p = base + b / 32 * 18;
          float d = Half.toFloat(in.getShort(p));
          for (int j = 0; j < 16; j++) {
            int q = in.get(p + 2 + j) & 0xff;
            dst[dstOff + b + j] = ((q & 0x0f) - 8) * d;
            dst[dstOff + b + 16 + j] = ((q >>> 4) - 8) * d;
          }
        }
      }
      default -> throw new IllegalStateException("unhandled type " + type);
    }
  }
}
