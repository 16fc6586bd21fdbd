package org.ferrogen.trng.random;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} over a byte source (normally the TRNG pipeline's conditioned, DRBG
 * stretched output) that fetches bytes in blocks and serves {@code nextLong}, {@code nextInt},
 * {@code nextDouble}, {@code nextBytes} and the bounded variants from the block. Samplers in
 * FerroGen's generative-AI module draw from it.
 *
 * <p>Not thread-safe: give each thread its own instance (as with {@link java.util.SplittableRandom}).
 * Failures of the source (a health-test alarm) propagate as the source's exception; the generator
 * never substitutes other randomness.
 */
public final class BufferedRandomGenerator implements RandomGenerator {

  /** Default block size: large enough to amortise the source's per-call cost. */
  public static final int DEFAULT_BUFFER_BYTES = 8192;

  private final RandomBytes source;
  private final byte[] buffer;
  private int position;

  public BufferedRandomGenerator(RandomBytes source) {
    this(source, DEFAULT_BUFFER_BYTES);
  }

  public BufferedRandomGenerator(RandomBytes source, int bufferBytes) {
    this.source = Objects.requireNonNull(source, "source");
    if (bufferBytes < 8 || bufferBytes % 8 != 0) {
      throw new IllegalArgumentException("buffer must be a positive multiple of 8 bytes, got " + bufferBytes);
    }
    this.buffer = new byte[bufferBytes];
    this.position = bufferBytes;
  }

  @Override
  public long nextLong() {
    if (position > buffer.length - 8) {
      refill();
    }
    long v = (long) LONG_VIEW.get(buffer, position);
    position += 8;
    return v;
  }

  @Override
  public int nextInt() {
    if (position > buffer.length - 4) {
      refill();
    }
    int v = (int) INT_VIEW.get(buffer, position);
    position += 4;
    return v;
  }

  @Override
  public boolean nextBoolean() {
    if (position >= buffer.length) {
      refill();
    }
    return (buffer[position++] & 1) != 0;
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public float nextFloat() {
    return (nextInt() >>> 8) * 0x1.0p-24f;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    int done = 0;
    while (done < bytes.length) {
      if (position >= buffer.length) {
        refill();
      }
      int n = Math.min(bytes.length - done, buffer.length - position);
      System.arraycopy(buffer, position, bytes, done, n);
      position += n;
      done += n;
    }
  }

  private void refill() {
    source.nextBytes(buffer, 0, buffer.length);
    position = 0;
  }

  private static final java.lang.invoke.VarHandle LONG_VIEW =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final java.lang.invoke.VarHandle INT_VIEW =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
