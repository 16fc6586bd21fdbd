package org.ferrogen.randomness.bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable sequence of bits packed 64 to a {@code long}.
 *
 * <p>Layout: bit {@code i} is bit {@code 63 - (i % 64)} of word {@code i / 64}, so the first bit of
 * the sequence is the most significant bit of the first word, and {@link #bits(int, int)} returns a
 * window as an integer whose most significant bit is the window's first bit. Bits past
 * {@link #length()} in the last word are always zero.
 */
public final class BitSequence {

  private static final byte[] REVERSED_BYTE = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      REVERSED_BYTE[b] = (byte) (Integer.reverse(b) >>> 24);
    }
  }

  private final long[] words;
  private final int length;

  private BitSequence(long[] words, int length) {
    this.words = words;
    this.length = length;
  }

  /**
   * A sequence of {@code length} bits taken from packed words in this class's layout (first bit =
   * most significant bit of {@code words[0]}). The array is copied; bits beyond {@code length} are
   * ignored.
   */
  public static BitSequence ofWords(long[] words, int length) {
    if (length < 0 || (long) words.length * 64 < length) {
      throw new IllegalArgumentException(
          "length " + length + " does not fit in " + words.length + " words");
    }
    long[] copy = Arrays.copyOf(words, wordsFor(length));
    clearTail(copy, length);
    return new BitSequence(copy, length);
  }

  /** All bits of {@code bytes} in the given order ({@link BitFormat#MSB} or {@link BitFormat#LSB}). */
  public static BitSequence fromBytes(byte[] bytes, BitFormat order) {
    return fromBytes(bytes, 0, bytes.length, order);
  }

  /** The bits of {@code bytes[offset, offset + count)} in the given byte-internal order. */
  public static BitSequence fromBytes(byte[] bytes, int offset, int count, BitFormat order) {
    if (order == BitFormat.ASCII) {
      throw new IllegalArgumentException("fromBytes takes MSB or LSB; use parseAscii for ASCII");
    }
    if (offset < 0 || count < 0 || offset + count > bytes.length) {
      throw new IllegalArgumentException(
          "byte range [" + offset + ", " + (offset + count) + ") outside array of " + bytes.length);
    }
    if ((long) count * 8 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(count + " bytes exceed the largest sequence of 2^31-1 bits");
    }
    int length = count * 8;
    long[] words = new long[wordsFor(length)];
    boolean reverse = order == BitFormat.LSB;
    for (int i = 0; i < count; i++) {
      int b = bytes[offset + i] & 0xFF;
      if (reverse) {
        b = REVERSED_BYTE[b] & 0xFF;
      }
      words[i >>> 3] |= (long) b << (56 - 8 * (i & 7));
    }
    return new BitSequence(words, length);
  }

  /**
   * Parses ASCII text: every '0' and '1' is a bit, every other character is skipped (this is how
   * the NIST STS reads its data files).
   */
  public static BitSequence parseAscii(CharSequence text) {
    Builder builder = new Builder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '0' || c == '1') {
        builder.add(c - '0');
      }
    }
    return builder.build();
  }

  /** Like {@link #parseAscii(CharSequence)} on raw bytes of text. */
  public static BitSequence parseAscii(byte[] text) {
    Builder builder = new Builder(text.length);
    for (byte c : text) {
      if (c == '0' || c == '1') {
        builder.add(c - '0');
      }
    }
    return builder.build();
  }

  /** Reads a whole file in the given format. */
  public static BitSequence read(Path file, BitFormat format) throws IOException {
    long size = Files.size(file);
    if (format != BitFormat.ASCII && size * 8 > Integer.MAX_VALUE
        || format == BitFormat.ASCII && size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          file + ": " + size + " bytes is more than the largest sequence of 2^31-1 bits");
    }
    byte[] bytes = Files.readAllBytes(file);
    return format == BitFormat.ASCII ? parseAscii(bytes) : fromBytes(bytes, format);
  }

  /** Number of bits. */
  public int length() {
    return length;
  }

  /** Bit {@code index} (0 or 1). */
  public int bit(int index) {
    checkIndex(index, length);
    return (int) (words[index >>> 6] >>> (63 - (index & 63))) & 1;
  }

  /**
   * The {@code count} (0 to 64) bits starting at {@code start} as an unsigned integer, first bit
   * most significant.
   */
  public long bits(int start, int count) {
    if (count < 0 || count > 64 || start < 0 || start > length - count) {
      throw new IndexOutOfBoundsException(
          "bits [" + start + ", " + ((long) start + count) + ") of a sequence of " + length);
    }
    if (count == 0) {
      return 0;
    }
    int w = start >>> 6;
    int offset = start & 63;
    long value = words[w] << offset;
    if (offset + count > 64) {
      value |= words[w + 1] >>> (64 - offset);
    }
    return value >>> (64 - count);
  }

  /** Number of packed words ({@code ceil(length / 64)}). */
  public int wordCount() {
    return words.length;
  }

  /**
   * Packed word {@code index}: bits {@code 64*index ... 64*index+63}, the first in the most
   * significant position; bits past the end are zero.
   */
  public long word(int index) {
    return words[index];
  }

  /** A copy of the packed words. */
  public long[] toWords() {
    return words.clone();
  }

  /** Number of one bits. */
  public int countOnes() {
    int ones = 0;
    for (long w : words) {
      ones += Long.bitCount(w);
    }
    return ones;
  }

  /** Bits {@code [from, to)} as a new sequence. */
  public BitSequence slice(int from, int to) {
    if (from < 0 || to > length || from > to) {
      throw new IndexOutOfBoundsException(
          "slice [" + from + ", " + to + ") of a sequence of " + length);
    }
    int n = to - from;
    long[] out = new long[wordsFor(n)];
    int offset = from & 63;
    int first = from >>> 6;
    for (int i = 0; i < out.length; i++) {
      long hi = words[first + i] << offset;
      if (offset != 0 && first + i + 1 < words.length) {
        hi |= words[first + i + 1] >>> (64 - offset);
      }
      out[i] = hi;
    }
    clearTail(out, n);
    return new BitSequence(out, n);
  }

  /**
   * Consecutive, non-overlapping streams of {@code streamLength} bits from the start of this
   * sequence (stream {@code i} is bits {@code [i*streamLength, (i+1)*streamLength)}), as the STS
   * cuts its input.
   */
  public List<BitSequence> streams(int streamLength, int count) {
    if (streamLength <= 0 || count <= 0) {
      throw new IllegalArgumentException(
          "stream length " + streamLength + " and stream count " + count + " must be positive");
    }
    if ((long) streamLength * count > length) {
      throw new IllegalArgumentException(
          count + " streams of " + streamLength + " bits need " + (long) streamLength * count
              + " bits, but only " + length + " are available");
    }
    List<BitSequence> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(slice(i * streamLength, (i + 1) * streamLength));
    }
    return out;
  }

  /** The bits as the characters '0' and '1'. */
  public String toBitString() {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('0' + bit(i)));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitSequence other && other.length == length && Arrays.equals(other.words, words);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(words) + length;
  }

  @Override
  public String toString() {
    return "BitSequence[length=" + length + "]";
  }

  private static int wordsFor(int bits) {
    return (int) (((long) bits + 63) >>> 6);
  }

  private static void clearTail(long[] words, int length) {
    int used = length & 63;
    if (used != 0) {
      words[words.length - 1] &= -1L << (64 - used);
    }
  }

  private static void checkIndex(int index, int length) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("bit " + index + " of a sequence of " + length);
    }
  }

  /** Appends bits one at a time; for readers that see one bit at a time. */
  public static final class Builder {
    private long[] words;
    private int length;

    public Builder(int expectedBits) {
      words = new long[Math.max(1, wordsFor(Math.max(0, expectedBits)))];
    }

    /** Appends one bit (any non-zero value is a one). */
    public Builder add(int bit) {
      int w = length >>> 6;
      if (w == words.length) {
        if (length == Integer.MAX_VALUE) {
          throw new IllegalStateException("a sequence holds at most 2^31-1 bits");
        }
        words = Arrays.copyOf(words, Math.max(words.length * 2, 1));
      }
      if (bit != 0) {
        words[w] |= 1L << (63 - (length & 63));
      }
      length++;
      return this;
    }

    public BitSequence build() {
      return new BitSequence(Arrays.copyOf(words, wordsFor(length)), length);
    }
  }
}
