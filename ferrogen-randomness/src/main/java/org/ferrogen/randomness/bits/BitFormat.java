package org.ferrogen.randomness.bits;

import java.util.Locale;

/** How a file encodes bits. */
public enum BitFormat {
  /** ASCII characters '0' and '1'; every other byte (whitespace, line breaks) is skipped (the STS data format). */
  ASCII,
  /** Raw bytes, most significant bit of each byte first. */
  MSB,
  /** Raw bytes, least significant bit of each byte first. */
  LSB;

  /** Parses {@code ascii}, {@code msb} or {@code lsb} (case-insensitive). */
  public static BitFormat parse(String name) {
    for (BitFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown bit format '" + name + "' (expected ascii, msb or lsb)");
  }

  /** The lower-case name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
