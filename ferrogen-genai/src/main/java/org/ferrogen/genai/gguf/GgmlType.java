package org.ferrogen.genai.gguf;

/**
 * The ggml tensor element types FerroGen reads and writes, with their on-disk block layouts
 * (ggml's {@code ggml_type} numbering, as in the GGUF specification, ggml docs/gguf.md).
 */
public enum GgmlType {
  /** IEEE binary32, one element per 4 bytes. */
  F32(0, 1, 4),
  /** IEEE binary16. */
  F16(1, 1, 2),
  /** Blocks of 32: fp16 scale d, then 16 bytes; byte j holds element j (low nibble) and j+16 (high); value (q-8)*d. */
  Q4_0(2, 32, 18),
  /** Blocks of 32: fp16 scale d, then 32 signed bytes q; value q*d. */
  Q8_0(8, 32, 34),
  /** bfloat16: the upper 16 bits of a binary32. */
  BF16(30, 1, 2);

  private final int id;
  private final int blockSize;
  private final int bytesPerBlock;

  GgmlType(int id, int blockSize, int bytesPerBlock) {
    this.id = id;
    this.blockSize = blockSize;
    this.bytesPerBlock = bytesPerBlock;
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

  /** Bytes taken by {@code elements} elements; elements must be a multiple of the block size. */
  public long bytesFor(long elements) {
    return elements / blockSize * bytesPerBlock;
  }

  /** The type with this ggml number, or null when FerroGen does not support it. */
  public static GgmlType byId(int id) {
    for (GgmlType t : values()) {
      if (t.id == id) {
        return t;
      }
    }
    return null;
  }

  /** Parses a user-facing name such as {@code q8_0} or {@code F16}. */
  public static GgmlType parse(String name) {
    for (GgmlType t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unsupported tensor type '" + name + "' (supported: f32, f16, bf16, q8_0, q4_0)");
  }

  /** Name of a ggml type number that FerroGen does not support, for error messages. */
  static String describeUnsupported(int id) {
    String[] known = {
      "F32", "F16", "Q4_0", "Q4_1", "Q4_2", "Q4_3", "Q5_0", "Q5_1", "Q8_0", "Q8_1", "Q2_K", "Q3_K",
      "Q4_K", "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S",
      "IQ2_S", "IQ4_XS", "I8", "I16", "I32", "I64", "F64", "IQ1_M", "BF16"
    };
    return id >= 0 && id < known.length ? known[id] + " (ggml type " + id + ")" : "ggml type " + id;
  }
}
