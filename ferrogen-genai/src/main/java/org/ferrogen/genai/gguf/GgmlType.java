package org.ferrogen.genai.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * The ggml tensor element types, with ggml's {@code ggml_type} numbering and block sizes (ggml's
 * ggml-common.h block structs; the GGUF specification, ggml docs/gguf.md). Every type a GGUF file may
 * hold is listed, so that any file can be opened and listed; {@link #runnable()} says which ones
 * FerroGen can decode and compute with. The K-quants ({@code _K}) use super-blocks of 256
 * elements; their exact layouts are documented on the tensor classes in {@code org.ferrogen.genai.tensor}.
 */
public enum GgmlType {
  /** IEEE binary32, one element per 4 bytes. */
  F32(0, 1, 4, true),
  /** IEEE binary16. */
  F16(1, 1, 2, true),
  /** Blocks of 32: fp16 scale d, then 16 bytes; byte j holds element j (low nibble) and j+16 (high); value (q-8)*d. */
  Q4_0(2, 32, 18, true),
  /** Blocks of 32: fp16 d, fp16 m, 16 bytes of nibbles as Q4_0; value q*d + m. */
  Q4_1(3, 32, 20, true),
  /** Blocks of 32: fp16 d, 32 high bits (uint32), 16 bytes of nibbles; value (q-16)*d with q of 5 bits. */
  Q5_0(6, 32, 22, true),
  /** Blocks of 32: fp16 d, fp16 m, 32 high bits, 16 bytes of nibbles; value q*d + m. */
  Q5_1(7, 32, 24, true),
  /** Blocks of 32: fp16 scale d, then 32 signed bytes q; value q*d. */
  Q8_0(8, 32, 34, true),
  /** Blocks of 32: fp16 d, fp16 d·Σq, 32 signed bytes (an activation format). */
  Q8_1(9, 32, 36, false),
  /** Super-blocks of 256: 16 scale/min bytes (4+4 bits), 64 bytes of 2-bit quants, fp16 d, fp16 dmin. */
  Q2_K(10, 256, 84, true),
  /** Super-blocks of 256: 32 bytes high-bit mask, 64 bytes of 2-bit quants, 12 bytes of 6-bit scales, fp16 d. */
  Q3_K(11, 256, 110, true),
  /** Super-blocks of 256: fp16 d, fp16 dmin, 12 bytes of 6-bit scales and mins, 128 bytes of nibbles. */
  Q4_K(12, 256, 144, true),
  /** Super-blocks of 256: fp16 d, fp16 dmin, 12 bytes of scales/mins, 32 bytes of high bits, 128 of nibbles. */
  Q5_K(13, 256, 176, true),
  /** Super-blocks of 256: 128 bytes low nibbles, 64 bytes high 2 bits, 16 int8 scales, fp16 d. */
  Q6_K(14, 256, 210, true),
  /** Super-blocks of 256: float d, 256 int8 quants, 16 int16 group sums (an activation format). */
  Q8_K(15, 256, 292, false),
  IQ2_XXS(16, 256, 66, false),
  IQ2_XS(17, 256, 74, false),
  IQ3_XXS(18, 256, 98, false),
  IQ1_S(19, 256, 50, false),
  IQ4_NL(20, 32, 18, false),
  IQ3_S(21, 256, 110, false),
  IQ2_S(22, 256, 82, false),
  IQ4_XS(23, 256, 136, false),
  I8(24, 1, 1, false),
  I16(25, 1, 2, false),
  I32(26, 1, 4, false),
  I64(27, 1, 8, false),
  F64(28, 1, 8, false),
  IQ1_M(29, 256, 56, false),
  /** bfloat16: the upper 16 bits of a binary32. */
  BF16(30, 1, 2, true),
  TQ1_0(34, 256, 54, false),
  TQ2_0(35, 256, 66, false),
  /** Blocks of 32: one E8M0 exponent byte, 16 bytes of FP4 (E2M1) nibbles. */
  MXFP4(39, 32, 17, false);

  private final int id;
  private final int blockSize;
  private final int bytesPerBlock;
  private final boolean runnable;

  GgmlType(int id, int blockSize, int bytesPerBlock, boolean runnable) {
    this.id = id;
    this.blockSize = blockSize;
    this.bytesPerBlock = bytesPerBlock;
    this.runnable = runnable;
  }

  /** The ggml_type number stored in the file. */
  public int id() {
    return id;
  }

  /** Elements per block (1 for the float types). */
  public int blockSize() {
    return blockSize;
  }

  public int bytesPerBlock() {
    return bytesPerBlock;
  }

  /** Whether this build decodes the type and multiplies with it (otherwise files holding it can only be listed). */
  public boolean runnable() {
    return runnable;
  }

  /** Bytes taken by {@code elements} elements; elements must be a multiple of the block size. */
  public long bytesFor(long elements) {
    return elements / blockSize * bytesPerBlock;
  }

  /**
   * The type a row of {@code rowLength} elements is stored in when this type is asked for: this
   * type when its block size divides the row, otherwise llama.cpp's fallback for rows that are not
   * a multiple of 256 (llama-quant.cpp): Q4_K → Q5_0, Q5_K → Q5_1, Q6_K → Q8_0, and Q2_K/Q3_K → Q4_0
   * (llama.cpp uses IQ4_NL there, which this build does not run); F16 when even that does not fit.
   */
  public GgmlType forRowLength(long rowLength) {
    if (rowLength % blockSize == 0) {
      return this;
    }
    GgmlType fallback = switch (this) {
      case Q4_K -> Q5_0;
      case Q5_K -> Q5_1;
      case Q6_K -> Q8_0;
      case Q2_K, Q3_K -> Q4_0;
      default -> F16;
    };
    return rowLength % fallback.blockSize == 0 ? fallback : F16;
  }

  /** The type with this ggml number, or null when ggml defines none (or a removed one). */
  public static GgmlType byId(int id) {
    for (GgmlType t : values()) {
      if (t.id == id) {
        return t;
      }
    }
    return null;
  }

  /** The types this build can run, in ggml order. */
  public static List<GgmlType> runnableTypes() {
    List<GgmlType> out = new ArrayList<>();
    for (GgmlType t : values()) {
      if (t.runnable) {
        out.add(t);
      }
    }
    return out;
  }

  /** Comma-separated lower-case names of the runnable types, for messages. */
  public static String runnableNames() {
    StringBuilder sb = new StringBuilder();
    for (GgmlType t : runnableTypes()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t.name().toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }

  /** Parses a user-facing name such as {@code q8_0} or {@code F16}, accepting only runnable types. */
  public static GgmlType parse(String name) {
    for (GgmlType t : values()) {
      if (t.name().equalsIgnoreCase(name) && t.runnable) {
        return t;
      }
    }
    throw new IllegalArgumentException("unsupported tensor type '" + name + "' (supported: " + runnableNames() + ")");
  }

  /** Name of a ggml type number for error messages, e.g. {@code IQ2_XS (ggml type 17)}. */
  public static String describe(int id) {
    GgmlType t = byId(id);
    return t != null ? t.name() + " (ggml type " + id + ")" : "ggml type " + Integer.toUnsignedString(id);
  }
}
