package org.ferrogen.genai.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GgufRoundTripTest {
  @TempDir Path dir;

  static float[] gaussian(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  static Path write(Path file, GgufWriter w) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      w.write(out);
    }
    return file;
  }

  static java.util.stream.Stream<GgmlType> encodableTypes() {
    return GgmlCodec.encodableTypes().stream();
  }

  @ParameterizedTest
  @MethodSource("encodableTypes")
  void tensorsOfEveryWritableTypeSurviveWriteThenRead(GgmlType type) throws IOException {
    float[] a = gaussian(256 * 3, 1);
    float[] b = gaussian(512, 2);
    GgufWriter w = new GgufWriter().putString("general.architecture", "test")
        .addTensor("a", type, new long[] {256, 3}, a)
        .addTensor("b", type, new long[] {512}, b);
    GgufFile f = GgufFile.open(write(dir.resolve("t.gguf"), w));
    assertThat(f.tensors()).containsOnlyKeys("a", "b");
    GgufTensor ta = f.tensors().get("a");
    assertThat(ta.type()).isEqualTo(type);
    assertThat(ta.dimensions()).containsExactly(256, 3);
    assertThat(ta.offset() % 32).isZero();
    assertThat(f.dataStart() % 32).isZero();
    float[] back = ta.toFloats();
    // Error bounds relative to the largest magnitude of each 32 elements: exact, half ulp of
    // binary16/bfloat16, half a step of the block scale (a step spans 2·amax over the levels for the
    // min-offset types); for the K-quants, half a step plus the error of the quantised sub-block
    // scale (6 bits against the super-block maximum for Q4_K, 8 bits for Q6_K). The fp16 rounding
    // of a block scale (2^-11 relative) times the largest code adds up to 12 % of half a step.
    double tol = switch (type) {
      case F32 -> 0;
      case F16 -> 1.0 / 2048;
      case BF16 -> 1.0 / 256;
      case Q8_0 -> 0.5 / 127 * 1.12;
      case Q4_0 -> 1.0 / 8 * 1.12;
      case Q5_0 -> 1.0 / 16 * 1.12;
      case Q4_1 -> 1.0 / 15 * 1.12;
      case Q5_1 -> 1.0 / 31 * 1.12;
      case Q4_K -> 0.2;
      case Q6_K -> 0.05;
      default -> throw new IllegalStateException("no bound for " + type);
    };
    for (int blk = 0; blk < a.length; blk += 32) {
      float amax = 0;
      for (int i = 0; i < 32; i++) {
        amax = Math.max(amax, Math.abs(a[blk + i]));
      }
      for (int i = blk; i < blk + 32; i++) {
        double scale = type.blockSize() == 1 ? Math.abs(a[i]) : amax;
        assertThat((double) Math.abs(back[i] - a[i])).as("element %d", i).isLessThanOrEqualTo(tol * scale + 1e-7);
      }
    }
    // The reader returns exactly what the codec wrote.
    float[] expected = new float[b.length];
    GgmlCodec.decode(ByteBuffer.wrap(GgmlCodec.encode(b, type)), type, 0, b.length, expected, 0);
    assertThat(f.tensors().get("b").toFloats()).containsExactly(expected);
  }

  @Test
  void metadataOfEveryValueTypeSurvives() throws IOException {
    java.util.Map<String, GgufValue> values = expectedValues();
    GgufWriter w = new GgufWriter();
    values.forEach(w::put);
    GgufFile f = GgufFile.open(write(dir.resolve("m.gguf"), w));
    assertThat(f.tensors()).isEmpty();
    assertThat(f.version()).isEqualTo(3);
    assertThat(f.metadata()).containsOnlyKeys(values.keySet());
    values.forEach((key, value) -> assertThat(f.get(key)).as(key).isEqualTo(value));
    assertThat(f.get("u32").asLong()).isEqualTo(4_000_000_000L);
    assertThat(f.get("u8").asLong()).isEqualTo(200);
    assertThat(f.get("u64").asLong()).isEqualTo(-1L);
  }

  private static java.util.Map<String, GgufValue> expectedValues() {
    java.util.Map<String, GgufValue> m = new java.util.LinkedHashMap<>();
    m.put("u8", new GgufValue(GgufValueType.UINT8, null, 200));
    m.put("i8", new GgufValue(GgufValueType.INT8, null, -5));
    m.put("u16", new GgufValue(GgufValueType.UINT16, null, 60000));
    m.put("i16", new GgufValue(GgufValueType.INT16, null, -30000));
    m.put("u32", GgufValue.ofUint32(4_000_000_000L));
    m.put("i32", GgufValue.ofInt32(-7));
    m.put("f32", GgufValue.ofFloat32(1.5f));
    m.put("bool", GgufValue.ofBool(true));
    m.put("str", GgufValue.ofString("héllo ▁ 🙂"));
    m.put("u64", GgufValue.ofUint64(-1L));
    m.put("i64", new GgufValue(GgufValueType.INT64, null, Long.MIN_VALUE));
    m.put("f64", new GgufValue(GgufValueType.FLOAT64, null, Math.PI));
    m.put("astr", GgufValue.ofStrings("a", "", "ü"));
    m.put("af32", GgufValue.ofFloats(1f, -2f));
    m.put("ai32", GgufValue.ofInt32s(3, -4, 5));
    m.put("au8", new GgufValue(GgufValueType.ARRAY, GgufValueType.UINT8, new byte[] {1, (byte) 255}));
    m.put("abool", new GgufValue(GgufValueType.ARRAY, GgufValueType.BOOL, new boolean[] {true, false}));
    m.put("ai16", new GgufValue(GgufValueType.ARRAY, GgufValueType.INT16, new short[] {-1, 2}));
    m.put("au64", new GgufValue(GgufValueType.ARRAY, GgufValueType.UINT64, new long[] {1L << 40}));
    m.put("af64", new GgufValue(GgufValueType.ARRAY, GgufValueType.FLOAT64, new double[] {0.25}));
    m.put("nested", new GgufValue(GgufValueType.ARRAY, GgufValueType.ARRAY,
        new GgufValue[] {GgufValue.ofInt32s(1, 2), GgufValue.ofInt32s()}));
    return m;
  }

  @Test
  void fileLayoutFollowsTheSpecification() throws IOException {
    GgufWriter w = new GgufWriter().putString("k", "v").addTensor("t", GgmlType.F32, new long[] {2}, new float[] {1f, 2f});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(out);
    ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(out.toByteArray(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GGUF");
    assertThat(b.getInt(4)).isEqualTo(3);
    assertThat(b.getLong(8)).isEqualTo(1); // tensor count
    assertThat(b.getLong(16)).isEqualTo(1); // metadata count
    assertThat(b.getLong(24)).isEqualTo(1); // key length
    assertThat((char) b.get(32)).isEqualTo('k');
    assertThat(b.getInt(33)).isEqualTo(8); // string type
    assertThat(b.getLong(37)).isEqualTo(1);
    assertThat((char) b.get(45)).isEqualTo('v');
    // tensor info: name (8+1), n_dims 1, ne 2, type 0, offset 0; header ends at 46+9+4+8+4+8 = 79 → data at 96.
    assertThat(b.getInt(55)).isEqualTo(1);
    assertThat(b.getLong(59)).isEqualTo(2);
    assertThat(b.getInt(67)).isEqualTo(0);
    assertThat(b.getLong(71)).isEqualTo(0);
    assertThat(out.size()).isEqualTo(96 + 32);
    assertThat(b.getFloat(96)).isEqualTo(1f);
    assertThat(b.getFloat(100)).isEqualTo(2f);
  }

  @Test
  void quantisedBlocksDecodeExactlyPerGgmlLayout() {
    // Q8_0 block: fp16 d = 0.5 (0x3800), then q = -128..-97 → values q·d.
    ByteBuffer q8 = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
    q8.putShort((short) 0x3800);
    for (int i = 0; i < 32; i++) {
      q8.put((byte) (-128 + i));
    }
    float[] out = new float[32];
    GgmlCodec.decode(q8, GgmlType.Q8_0, 0, 32, out, 0);
    for (int i = 0; i < 32; i++) {
      assertThat(out[i]).isEqualTo((-128 + i) * 0.5f);
    }
    // Q4_0 block: d = 2 (0x4000); byte j = low nibble j%16, high nibble 15 - j%16.
    ByteBuffer q4 = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    q4.putShort((short) 0x4000);
    for (int j = 0; j < 16; j++) {
      q4.put((byte) (j | ((15 - j) << 4)));
    }
    GgmlCodec.decode(q4, GgmlType.Q4_0, 0, 32, out, 0);
    for (int j = 0; j < 16; j++) {
      assertThat(out[j]).as("low nibble element %d", j).isEqualTo((j - 8) * 2f);
      assertThat(out[16 + j]).as("high nibble element %d", 16 + j).isEqualTo((15 - j - 8) * 2f);
    }
  }

  @Test
  void halfConversionRoundTripsEveryBinary16AndRoundsToNearestEven() {
    for (int h = 0; h < 65536; h++) {
      float f = Half.toFloat((short) h);
      if (Float.isNaN(f)) {
        assertThat(Float.isNaN(Half.toFloat(Half.fromFloat(f)))).isTrue();
      } else {
        assertThat(Half.fromFloat(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
      }
    }
    assertThat(Half.toFloat(Half.fromFloat(1f + 0x1p-11f))).isEqualTo(1f); // tie → even
    assertThat(Half.toFloat(Half.fromFloat(1f + 3 * 0x1p-11f))).isEqualTo(1f + 0x1p-9f); // tie → even (up)
    assertThat(Half.toFloat(Half.fromFloat(65520f))).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(Half.toFloat(Half.fromFloat(0x1p-25f))).isEqualTo(0f);
    assertThat(Half.toFloat(Half.fromFloat(0x1.8p-25f))).isEqualTo(0x1p-24f);
    assertThat(Half.bf16ToFloat(Half.floatToBf16(1f + 0x1p-8f))).isEqualTo(1f);
    assertThat(Half.bf16ToFloat(Half.floatToBf16(1f + 3 * 0x1p-8f))).isEqualTo(1f + 0x1p-6f);
  }
}
