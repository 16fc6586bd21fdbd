package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Bzip2Length} against libbzip2 1.0.8: against the {@code bzip2} executable when one is
 * installed, and against lengths measured once with {@code BZ2_bzBuffToBuffCompress(..., 5, 0, 0)}
 * (the call NIST's tool makes) so that something is checked without it.
 */
class Bzip2LengthTest {

  private static final Path EXECUTABLE = Path.of("/usr/bin/bzip2");

  private static final Map<String, byte[]> INPUTS = inputs();

  /** Inputs covering the stages: run-length edge cases, block boundaries, alphabets, texts. */
  private static Map<String, byte[]> inputs() {
    Map<String, byte[]> in = new LinkedHashMap<>();
    in.put("empty", new byte[0]);
    in.put("one byte", new byte[] {'a'});
    for (int run : new int[] {2, 3, 4, 5, 254, 255, 256, 259, 260, 509, 510, 511, 100_000}) {
      byte[] r = new byte[run];
      Arrays.fill(r, (byte) 'x');
      in.put("run of " + run, r);
    }
    SplittableRandom rng = new SplittableRandom(2024);
    in.put("runs of 1-300 of three bytes", mixedRuns(rng, 20_000));
    byte[] fours = new byte[1_000];
    for (int i = 0; i < fours.length; i++) {
      fours[i] = (byte) ('a' + (i / 4) % 2); // each run of four gains a count byte
    }
    in.put("runs of exactly four", fours);
    in.put("binary-sample text", decimalText(rng, 5_000, 2));
    in.put("8-bit decimal text", decimalText(rng, 20_000, 256));
    in.put("random bytes, 1000", randomBytes(rng, 1_000));
    in.put("random bytes, two blocks", randomBytes(rng, 600_000));
    in.put("random bytes, one block less one", randomBytes(rng, Bzip2Length.MAX_BLOCK - 1));
    byte[] runAcross =
        Arrays.copyOf(randomBytes(rng, Bzip2Length.MAX_BLOCK - 81), Bzip2Length.MAX_BLOCK + 200);
    Arrays.fill(runAcross, Bzip2Length.MAX_BLOCK - 81, runAcross.length, (byte) 0xFF);
    in.put("a run across the block boundary", runAcross);
    in.put("zeros, four blocks", new byte[2_000_000]);
    byte[] periodic = new byte[600_000];
    for (int i = 0; i < periodic.length; i++) {
      periodic[i] = (byte) ("ab".charAt(i % 2));
    }
    in.put("period two", periodic);
    return in;
  }

  /** Lengths from BZ2_bzBuffToBuffCompress(dest, &len, src, n, 5, 0, 0), libbzip2 1.0.8. */
  private static final Map<String, Long> MEASURED =
      Map.ofEntries(
          Map.entry("empty", 14L),
          Map.entry("one byte", 37L),
          Map.entry("run of 4", 39L),
          Map.entry("run of 259", 45L),
          Map.entry("runs of exactly four", 48L),
          Map.entry("runs of 1-300 of three bytes", 12_842L),
          Map.entry("binary-sample text", 832L),
          Map.entry("8-bit decimal text", 21_679L),
          Map.entry("random bytes, two blocks", 603_526L),
          Map.entry("a run across the block boundary", 502_577L),
          Map.entry("zeros, four blocks", 49L),
          Map.entry("period two", 73L));

  @Test
  void matchesLengthsMeasuredWithLibbzip2() {
    for (Map.Entry<String, Long> e : MEASURED.entrySet()) {
      byte[] data = INPUTS.get(e.getKey());
      assertThat(Bzip2Length.of(data, data.length)).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  /**
   * When the input ends exactly as a block fills, BZ2_bzBuffToBuffCompress (NIST's call) flushes
   * the pending run into that block; the streaming bzip2 executable puts it in a block of its own
   * (502719 bytes here).
   */
  @Test
  void flushesThePendingRunIntoAFullLastBlockAsBuffToBuffCompressDoes() {
    SplittableRandom rng = new SplittableRandom(7);
    byte[] data = randomBytes(rng, Bzip2Length.MAX_BLOCK + 1);
    assertThat(Bzip2Length.of(data, data.length)).isEqualTo(502_594L);
  }

  @Test
  void matchesTheBzip2Executable() {
    assumeTrue(Files.isExecutable(EXECUTABLE), "no bzip2 executable at " + EXECUTABLE);
    for (Map.Entry<String, byte[]> e : INPUTS.entrySet()) {
      byte[] data = e.getValue();
      assertThat(Bzip2Length.of(data, data.length))
          .as(e.getKey())
          .isEqualTo(executableLength(data));
    }
  }

  @Test
  void matchesTheBzip2ExecutableOnTheReferenceFilesText() throws IOException {
    assumeTrue(Files.isExecutable(EXECUTABLE), "no bzip2 executable at " + EXECUTABLE);
    for (String name : new String[] {"truerand_1bit.bin", "truerand_8bit.bin", "rand4_short.bin"}) {
      byte[] text = PermutationTests.decimalText(Files.readAllBytes(ReferenceFiles.bin(name)));
      assertThat(Bzip2Length.of(text, text.length)).as(name).isEqualTo(executableLength(text));
    }
  }

  @Test
  void compressesOnlyThePrefixItIsGiven() {
    byte[] data = INPUTS.get("8-bit decimal text");
    byte[] prefix = Arrays.copyOf(data, 1000);
    assertThat(Bzip2Length.of(data, 1000)).isEqualTo(Bzip2Length.of(prefix, 1000));
    assertThatThrownBy(() -> Bzip2Length.of(data, data.length + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void huffmanLengthsAreCappedAtSeventeenBits() {
    // Fibonacci frequencies give a maximally unbalanced tree: 19 levels unless scaled down.
    int[] freq = new int[20];
    freq[0] = 1;
    freq[1] = 1;
    for (int i = 2; i < freq.length; i++) {
      freq[i] = freq[i - 1] + freq[i - 2];
    }
    int[] len = new int[freq.length];
    Bzip2Length.codeLengths(freq, freq.length, 32, len);
    assertThat(Arrays.stream(len).max().getAsInt()).isEqualTo(19);
    Bzip2Length.codeLengths(freq, freq.length, 17, len);
    assertThat(Arrays.stream(len).max().getAsInt()).isLessThanOrEqualTo(17);
    double kraft = Arrays.stream(len).mapToDouble(l -> Math.pow(2, -l)).sum();
    assertThat(kraft).as("a complete prefix code").isEqualTo(1.0);
  }

  private static byte[] mixedRuns(SplittableRandom rng, int runs) {
    int[] lengths = {1, 2, 3, 4, 5, 255, 256, 259, 300};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < runs; r++) {
      int b = rng.nextInt(3);
      int len = lengths[rng.nextInt(lengths.length)];
      for (int k = 0; k < len; k++) {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static byte[] decimalText(SplittableRandom rng, int samples, int values) {
    byte[] raw = new byte[samples];
    for (int i = 0; i < samples; i++) {
      raw[i] = (byte) rng.nextInt(values);
    }
    return PermutationTests.decimalText(raw);
  }

  private static byte[] randomBytes(SplittableRandom rng, int n) {
    byte[] b = new byte[n];
    rng.nextBytes(b);
    return b;
  }

  private static long executableLength(byte[] data) {
    try {
      Process p =
          new ProcessBuilder(EXECUTABLE.toString(), "-5", "-c")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Thread feeder =
          new Thread(
              () -> {
                try (OutputStream stdin = p.getOutputStream()) {
                  stdin.write(data);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      feeder.start();
      long count = 0;
      try (InputStream stdout = p.getInputStream()) {
        byte[] buf = new byte[1 << 16];
        for (int r; (r = stdout.read(buf)) > 0; ) {
          count += r;
        }
      }
      assertThat(p.waitFor()).isZero();
      feeder.join();
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
