package org.ferrogen.genai.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ferrogen.genai.gguf.GgmlCodec;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.Half;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WeightTensorTest {
  /** Byte offsets of the fp16 scale fields in one block of each quantised type (ggml-common.h). */
  private static final Map<GgmlType, int[]> HALF_FIELDS = Map.of(
      GgmlType.Q8_0, new int[] {0},
      GgmlType.Q4_0, new int[] {0},
      GgmlType.Q4_1, new int[] {0, 2},
      GgmlType.Q5_0, new int[] {0},
      GgmlType.Q5_1, new int[] {0, 2},
      GgmlType.Q2_K, new int[] {80, 82},
      GgmlType.Q3_K, new int[] {108},
      GgmlType.Q4_K, new int[] {0, 2},
      GgmlType.Q5_K, new int[] {0, 2},
      GgmlType.Q6_K, new int[] {208});

  static Stream<GgmlType> runnableTypes() {
    return GgmlType.runnableTypes().stream();
  }

  /** Random but well-formed stored bytes: every bit pattern of the quants, finite scales. */
  static ByteBuffer randomMatrix(GgmlType type, int rows, int cols, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    if (type.blockSize() == 1) {
      float[] v = new float[rows * cols];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) r.nextGaussian();
      }
      return ByteBuffer.wrap(GgmlCodec.encode(v, type)).order(ByteOrder.LITTLE_ENDIAN);
    }
    byte[] bytes = new byte[(int) type.bytesFor((long) rows * cols)];
    r.nextBytes(bytes);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int p = 0; p < bytes.length; p += type.bytesPerBlock()) {
      for (int off : HALF_FIELDS.get(type)) {
        b.putShort(p + off, Half.fromFloat((float) (r.nextGaussian() * 0.01)));
      }
    }
    return b;
  }

  @ParameterizedTest
  @MethodSource("runnableTypes")
  void dotProductOfEveryTypeMatchesTheReferenceDecoding(GgmlType type) {
    int rows = 5;
    int cols = 768;
    // Mapped files are direct buffers; test both kinds.
    ByteBuffer heap = randomMatrix(type, rows, cols, type.id());
    ByteBuffer direct = ByteBuffer.allocateDirect(heap.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(heap.duplicate()).flip();
    float[] x = new float[cols + 3];
    SplittableRandom r = new SplittableRandom(99);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    for (ByteBuffer data : new ByteBuffer[] {heap, direct}) {
      WeightTensor t = WeightTensor.of(type, rows, cols, data);
      assertThat(t.byteSize()).isEqualTo(type.bytesFor((long) rows * cols));
      float[] w = new float[cols];
      for (int row = 0; row < rows; row++) {
        t.decodeRow(row, w, 0);
        for (int xOff : new int[] {0, 3}) {
          double expected = 0;
          double magnitude = 0;
          for (int c = 0; c < cols; c++) {
            expected += (double) w[c] * x[xOff + c];
            magnitude += Math.abs((double) w[c] * x[xOff + c]);
          }
          // Float accumulation in a different order: a few ulps of the sum of magnitudes.
          assertThat((double) t.dot(row, x, xOff)).as("%s row %d offset %d", type, row, xOff)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * magnitude + 1e-30));
        }
      }
    }
  }

  /**
   * Every type's single-vector kernels against a scalar reference (the codec's decoding, summed in
   * doubles) on random blocks, at odd sizes: one block, an odd number of blocks (a tail the wide
   * lanes' steps must not overrun), odd row counts and ranges over one or several runs of rows
   * copied at once, an odd offset into x; {@code dotRows} gives exactly {@code dot}'s value for every
   * row it covers and leaves the others alone.
   */
  @ParameterizedTest
  @MethodSource("runnableTypes")
  void kernelsMatchAScalarReferenceAtOddSizes(GgmlType type) {
    int block = type.blockSize();
    for (int blocks : new int[] {1, 3, 7}) {
      int cols = block == 1 ? 2 * blocks + 1 : blocks * block;
      // 150 rows of 7 blocks span several of BlockTensor's copied runs, the last one partial.
      int rows = blocks == 7 ? 150 : 9;
      ByteBuffer heap = randomMatrix(type, rows, cols, 31L * blocks + type.id());
      ByteBuffer direct = ByteBuffer.allocateDirect(heap.capacity()).order(ByteOrder.LITTLE_ENDIAN);
      direct.put(heap.duplicate()).flip();
      SplittableRandom r = new SplittableRandom(blocks);
      float[] x = new float[cols + 5];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      float[] all = new float[rows * cols];
      GgmlCodec.decode(heap.duplicate().order(ByteOrder.LITTLE_ENDIAN), type, 0, rows * cols, all, 0);
      for (ByteBuffer data : new ByteBuffer[] {heap, direct}) {
        WeightTensor t = WeightTensor.of(type, rows, cols, data);
        float[] y = new float[rows];
        java.util.Arrays.fill(y, Float.NaN);
        t.dotRows(1, rows - 1, x, 5, y);
        assertThat(y[0]).isNaN();
        assertThat(y[rows - 1]).isNaN();
        for (int row = 0; row < rows; row++) {
          double expected = 0;
          double magnitude = 0;
          for (int c = 0; c < cols; c++) {
            expected += (double) all[row * cols + c] * x[5 + c];
            magnitude += Math.abs((double) all[row * cols + c] * x[5 + c]);
          }
          float dot = t.dot(row, x, 5);
          assertThat((double) dot).as("%s %d cols row %d", type, cols, row)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * magnitude + 1e-30));
          if (row >= 1 && row < rows - 1) {
            assertThat(Float.floatToRawIntBits(y[row])).as("%s dotRows row %d", type, row)
                .isEqualTo(Float.floatToRawIntBits(dot));
          }
        }
      }
    }
  }

  @Test
  void kQuantDecodingFollowsGgmlLayouts() {
    // Q6_K super-block with ql = 0x21 everywhere (low nibble 1, high nibble 2), qh = 0b11_10_01_00,
    // scales 1..16 and d = 1: element l of half n takes q = nibble | (pair << 4), value scale·(q − 32).
    ByteBuffer b = ByteBuffer.allocate(210).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 128; i++) {
      b.put(i, (byte) 0x21);
    }
    for (int i = 0; i < 64; i++) {
      b.put(128 + i, (byte) 0b11_10_01_00);
    }
    for (int i = 0; i < 16; i++) {
      b.put(192 + i, (byte) (i + 1));
    }
    b.putShort(208, Half.fromFloat(1f));
    float[] y = new float[256];
    GgmlCodec.decode(b, GgmlType.Q6_K, 0, 256, y, 0);
    int[] q = {1, 1 | 16, 2 | 32, 2 | 48};
    for (int i = 0; i < 256; i++) {
      int n = i / 128;
      int quarter = (i % 128) / 32;
      int l = i % 32;
      int scale = 8 * n + l / 16 + 2 * quarter + 1;
      assertThat(y[i]).as("element %d", i).isEqualTo((float) scale * (q[quarter] - 32));
    }
    // Q4_K: scales/mins 6-bit packing. Sub-block j < 4: scale = byte j & 63, min = byte j+4 & 63;
    // j >= 4: low nibbles from byte j+4, top bits from bytes j-4 (scale) and j (min).
    ByteBuffer k = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
    k.putShort(0, Half.fromFloat(1f)).putShort(2, Half.fromFloat(1f));
    byte[] sc = {(byte) (5 | 0x40), 6, 7, 8, (byte) (9 | 0x80), 10, 11, 12, 0x21, 0x43, 0x65, (byte) 0x87};
    for (int i = 0; i < 12; i++) {
      k.put(4 + i, sc[i]);
    }
    int[] scales = {5, 6, 7, 8, 1 | 16, 3, 5, 7};
    int[] mins = {9, 10, 11, 12, 2 | 32, 4, 6, 8};
    for (int j = 0; j < 8; j++) {
      assertThat(GgmlCodec.scaleK4(k, 4, j)).as("scale %d", j).isEqualTo(scales[j]);
      assertThat(GgmlCodec.minK4(k, 4, j)).as("min %d", j).isEqualTo(mins[j]);
    }
  }

  @ParameterizedTest
  @MethodSource("runnableTypes")
  void writableTypesQuantiseCloseToTheirInput(GgmlType type) {
    if (!GgmlCodec.canEncode(type) || type.blockSize() == 1) {
      return;
    }
    SplittableRandom r = new SplittableRandom(5);
    float[] v = new float[4096];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    float[] back = new float[v.length];
    GgmlCodec.decode(ByteBuffer.wrap(GgmlCodec.encode(v, type)), type, 0, v.length, back, 0);
    double err = 0;
    for (int i = 0; i < v.length; i++) {
      err += (back[i] - v[i]) * (back[i] - v[i]);
    }
    double rmse = Math.sqrt(err / v.length);
    // Gaussian data: RMS error of a uniform quantiser is about step/√12 with step ≈ range/levels.
    double bound = switch (type) {
      case Q8_0 -> 0.01;
      case Q6_K -> 0.04;
      case Q5_0, Q5_1 -> 0.05;
      case Q4_0, Q4_1, Q4_K -> 0.09;
      default -> throw new IllegalStateException();
    };
    assertThat(rmse).as("%s RMS error", type).isLessThan(bound);
  }

  @Test
  void typesThatCannotRunAreRefusedByName() {
    assertThatThrownBy(() -> WeightTensor.of(GgmlType.IQ2_XS, 1, 256, ByteBuffer.allocate(74)))
        .hasMessageContaining("IQ2_XS").hasMessageContaining("q4_k");
  }

  /**
   * A heap copy of an F16/BF16 matrix gives bit-identical products to the mapped one, one row at a
   * time and four at a time (odd row counts, a tail of 5 columns), and decodes the same rows: copying
   * must not change a single generated token. Row 0 holds subnormal halves and the largest finite
   * ones, which the re-encoded F16 form cannot hold, so these copies are floats.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = GgmlType.class, names = {"F16", "BF16"})
  void widenedSixteenBitMatrixGivesBitIdenticalProducts(GgmlType type) {
    for (int cols : new int[] {192, 69}) {
      int rows = 11;
      ByteBuffer data = randomMatrix(type, rows, cols, 17 + cols);
      for (int c = 0; c < cols; c++) {
        data.putShort(2 * c, (short) (c % 2 == 0 ? (c & 0x3ff) : 0x7bff - c));
      }
      WeightTensor mapped = WeightTensor.of(type, rows, cols, data);
      WeightTensor widened = WeightTensor.heapCopy(mapped, Long.MAX_VALUE);
      assertThat(widened).isInstanceOf(WidenedTensor.class);
      SplittableRandom r = new SplittableRandom(cols);
      float[] x = new float[cols + 3];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      float[] y = new float[rows];
      widened.dotRows(1, rows, x, 3, y);
      float[] rowMapped = new float[cols];
      float[] rowWidened = new float[cols];
      for (int row = 0; row < rows; row++) {
        float want = mapped.dot(row, x, 3);
        assertThat(Float.floatToRawIntBits(widened.dot(row, x, 3))).as("dot of row %d", row)
            .isEqualTo(Float.floatToRawIntBits(want));
        if (row >= 1) {
          assertThat(Float.floatToRawIntBits(y[row])).as("dotRows, row %d", row).isEqualTo(Float.floatToRawIntBits(want));
        }
        mapped.decodeRow(row, rowMapped, 0);
        widened.decodeRow(row, rowWidened, 0);
        assertThat(rowWidened).isEqualTo(rowMapped);
      }
    }
    assertThat(WeightTensor.heapCopy(WeightTensor.of(GgmlType.Q8_0, 2, 32, randomMatrix(GgmlType.Q8_0, 2, 32, 1)),
        Long.MAX_VALUE)).isNull();
  }

  /**
   * Every binary16 code the re-encoded form can hold (exponent field up to 20: magnitudes below 64,
   * subnormals and both zeros included), 43,008 of them laid out as a 224 × 192 matrix: the copy
   * decodes each to its exact value and gives bit-identical products to the mapped matrix, one row
   * at a time and two at a time (an odd row range, x at an offset).
   */
  @Test
  void reEncodedHalvesHoldEveryEligibleCodeExactly() {
    int cols = 192;
    int rows = 224;
    ByteBuffer data = ByteBuffer.allocate(2 * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
    for (int sign = 0; sign < 2; sign++) {
      for (int magnitude = 0; magnitude < 21 << 10; magnitude++) {
        data.putShort((short) (sign << 15 | magnitude));
      }
    }
    data.flip();
    WeightTensor mapped = WeightTensor.of(GgmlType.F16, rows, cols, data);
    WeightTensor copy = WeightTensor.heapCopy(mapped, 2L * rows * cols);
    assertThat(copy).isInstanceOf(HalfPairsTensor.class);
    assertThat(copy.byteSize()).isEqualTo(2L * rows * cols);
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[cols + 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    float[] y = new float[rows];
    copy.dotRows(1, rows - 2, x, 3, y);
    assertDecodesEveryCodeExactly(copy, data);
    for (int row = 0; row < rows; row++) {
      int want = Float.floatToRawIntBits(mapped.dot(row, x, 3));
      assertThat(Float.floatToRawIntBits(copy.dot(row, x, 3))).as("dot of row %d", row).isEqualTo(want);
      if (row >= 1 && row < rows - 2) {
        assertThat(Float.floatToRawIntBits(y[row])).as("dotRows, row %d", row).isEqualTo(want);
      }
    }
  }

  /**
   * Codes the re-encoded form cannot hold (magnitude 64 and up, Inf, NaN) are refused, and a matrix
   * holding one of them, a row length that is not a multiple of 16, or BF16 is copied as floats; a
   * copy that does not fit the byte limit is not made.
   */
  @Test
  void heapCopyFallsBackToFloatsOrToNothing() {
    for (int code = 0; code < 1 << 16; code++) {
      int exponent = (code >>> 10) & 0x1f;
      assertThat(HalfPairsTensor.rescaled((short) code) < 0).as("code %04x", code).isEqualTo(exponent > 20);
    }
    ByteBuffer small = randomMatrix(GgmlType.F16, 3, 32, 9);
    WeightTensor eligible = WeightTensor.of(GgmlType.F16, 3, 32, small);
    assertThat(WeightTensor.heapCopy(eligible, 2 * 96)).isInstanceOf(HalfPairsTensor.class);
    assertThat(WeightTensor.heapCopy(eligible, 2 * 96 - 1)).isNull();
    ByteBuffer large = randomMatrix(GgmlType.F16, 3, 32, 9);
    large.putShort(2 * 40, Half.fromFloat(-64f));
    WeightTensor withLarge = WeightTensor.of(GgmlType.F16, 3, 32, large);
    assertThat(WeightTensor.heapCopy(withLarge, 4 * 96)).isInstanceOf(WidenedTensor.class);
    assertThat(WeightTensor.heapCopy(withLarge, 4 * 96 - 1)).isNull();
    assertThat(WeightTensor.heapCopy(WeightTensor.of(GgmlType.F16, 3, 40, randomMatrix(GgmlType.F16, 3, 40, 9)),
        Long.MAX_VALUE)).isInstanceOf(WidenedTensor.class);
    assertThat(WeightTensor.heapCopy(WeightTensor.of(GgmlType.BF16, 3, 32, randomMatrix(GgmlType.BF16, 3, 32, 9)),
        Long.MAX_VALUE)).isInstanceOf(WidenedTensor.class);
  }

  /**
   * The mapped F16 kernel's vector widening on every one of the 65,536 binary16 codes (subnormals,
   * both zeros, Inf and NaN with their payloads): its decoded rows equal Half.toFloat bit for bit,
   * and its dot products with a one-hot x pick out each finite weight exactly.
   */
  @Test
  void mappedHalfKernelWidensEveryCodeExactly() {
    int cols = 256;
    int rows = (1 << 16) / cols;
    ByteBuffer data = ByteBuffer.allocate(2 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int code = 0; code < 1 << 16; code++) {
      data.putShort((short) code);
    }
    data.flip();
    WeightTensor mapped = WeightTensor.of(GgmlType.F16, rows, cols, data);
    assertDecodesEveryCodeExactly(mapped, data);
    float[] x = new float[cols];
    for (int c = 0; c < cols; c += 37) {
      x[c] = 1f;
      for (int row = 0; row < rows; row++) {
        float want = Half.toFloat((short) (row * cols + c));
        if (Float.isFinite(want)) {
          assertThat(mapped.dot(row, x, 0)).as("row %d, column %d", row, c).isEqualTo(want + 0f);
        }
      }
      x[c] = 0f;
    }
  }

  /** Every row of the F16 matrix {@code t}, whose codes are {@code codes}, decodes to Half.toFloat bit for bit. */
  private static void assertDecodesEveryCodeExactly(WeightTensor t, ByteBuffer codes) {
    float[] decoded = new float[t.cols()];
    for (int row = 0; row < t.rows(); row++) {
      t.decodeRow(row, decoded, 0);
      for (int c = 0; c < t.cols(); c++) {
        short code = codes.getShort(2 * (row * t.cols() + c));
        assertThat(Float.floatToRawIntBits(decoded[c])).as("code %04x", code & 0xffff)
            .isEqualTo(Float.floatToRawIntBits(Half.toFloat(code)));
      }
    }
  }
}
