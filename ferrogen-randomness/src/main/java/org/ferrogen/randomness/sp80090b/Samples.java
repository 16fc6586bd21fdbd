package org.ferrogen.randomness.sp80090b;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set for SP 800-90B: one sample per byte, the low {@code bitsPerSymbol} bits being the
 * symbol. Holds the three views NIST's tool works on: the raw (masked) symbols, the symbols
 * translated onto 0..alphabetSize-1 (done only when the observed alphabet is smaller than
 * {@code maxSymbol + 1}, exactly as {@code ea_non_iid} does), and the bitstring (each raw symbol
 * written most significant bit first).
 *
 * @param source name used in messages (file name or a description)
 * @param bitsPerSymbol k, 1..8
 * @param raw the masked samples (the symbol values as observed)
 * @param symbols the translated symbols (identical to raw when no translation was needed)
 * @param alphabetSize number of distinct symbols observed
 * @param translated whether symbols differ from raw
 * @param warnings conditions the caller should show the user (e.g. fewer than 10^6 samples)
 */
public record Samples(
    String source,
    int bitsPerSymbol,
    byte[] raw,
    byte[] symbols,
    int alphabetSize,
    boolean translated,
    List<String> warnings) {

  /** The sample count SP 800-90B section 3.1.1 requires for a full assessment. */
  public static final int RECOMMENDED_SAMPLES = 1_000_000;

  public Samples {
    warnings = List.copyOf(warnings);
  }

  /** Number of samples. */
  public int length() {
    return raw.length;
  }

  /** Length of the bitstring view, {@code length() * bitsPerSymbol}. */
  public long bitLength() {
    return (long) raw.length * bitsPerSymbol;
  }

  /** The bitstring view: each raw symbol as {@code bitsPerSymbol} bytes 0/1, MSB first. */
  public byte[] bits() {
    if (bitsPerSymbol == 1) {
      return raw.clone();
    }
    long n = bitLength();
    if (n > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          source + ": " + raw.length + " samples of " + bitsPerSymbol
              + " bits give a bitstring too long to assess (" + n + " bits)");
    }
    byte[] bits = new byte[(int) n];
    int k = bitsPerSymbol;
    for (int i = 0, o = 0; i < raw.length; i++) {
      int s = raw[i] & 0xFF;
      for (int j = k - 1; j >= 0; j--) {
        bits[o++] = (byte) ((s >>> j) & 1);
      }
    }
    return bits;
  }

  /** Reads a sample file. */
  public static Samples read(Path file, int bitsPerSymbol) {
    checkBits(bitsPerSymbol);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(file.toString(), data, bitsPerSymbol);
  }

  /**
   * Validates and prepares samples. Symbols wider than {@code bitsPerSymbol} are an error (NIST's
   * tool refuses them too) rather than being silently masked.
   */
  public static Samples of(String source, byte[] data, int bitsPerSymbol) {
    checkBits(bitsPerSymbol);
    if (data.length == 0) {
      throw new IllegalArgumentException(source + ": the file is empty");
    }
    int mask = (1 << bitsPerSymbol) - 1;
    int[] counts = new int[256];
    for (byte b : data) {
      counts[b & 0xFF]++;
    }
    int maxSymbol = 0;
    int alphabet = 0;
    for (int v = 0; v < 256; v++) {
      if (counts[v] == 0) {
        continue;
      }
      if ((v & ~mask) != 0) {
        throw new IllegalArgumentException(
            source + ": sample value " + v + " does not fit in " + bitsPerSymbol
                + " bit(s) per symbol (largest allowed is " + mask + ")");
      }
      maxSymbol = v;
      alphabet++;
    }
    byte[] raw = data.clone();
    List<String> warnings = new ArrayList<>();
    if (raw.length < RECOMMENDED_SAMPLES) {
      warnings.add(
          source + ": data contains " + raw.length + " samples, fewer than the "
              + RECOMMENDED_SAMPLES + " SP 800-90B requires for a full assessment");
    }
    // ea_non_iid translates symbols onto 0..alphabet-1 in increasing order of value when some value
    // below the largest observed one never occurs.
    boolean translate = alphabet < maxSymbol + 1;
    byte[] symbols = raw;
    if (translate) {
      int[] map = new int[256];
      for (int v = 0, next = 0; v < 256; v++) {
        if (counts[v] != 0) {
          map[v] = next++;
        }
      }
      symbols = new byte[raw.length];
      for (int i = 0; i < raw.length; i++) {
        symbols[i] = (byte) map[raw[i] & 0xFF];
      }
    }
    return new Samples(source, bitsPerSymbol, raw, symbols, alphabet, translate, warnings);
  }

  private static void checkBits(int bitsPerSymbol) {
    if (bitsPerSymbol < 1 || bitsPerSymbol > 8) {
      throw new IllegalArgumentException(
          "bits per symbol must be between 1 and 8, got " + bitsPerSymbol);
    }
  }
}
