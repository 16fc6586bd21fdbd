package org.ferrogen.genai.tokenizer;

/**
 * GPT-2's reversible byte ↔ Unicode mapping (bytes_to_unicode in OpenAI's encoder.py): printable
 * Latin-1 bytes map to themselves, the other 68 bytes to U+0100 onward, so that every byte string
 * becomes a string of visible characters (a space becomes Ġ, U+0120).
 */
public final class ByteUnicode {
  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[512];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    int n = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      char c = printable ? (char) b : (char) (256 + n++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteUnicode() {}

  public static char charOf(int b) {
    return BYTE_TO_CHAR[b & 0xff];
  }

  /** The byte a mapped character stands for, or -1 when it is not one of the 256. */
  public static int byteOf(char c) {
    return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }

  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = BYTE_TO_CHAR[bytes[i] & 0xff];
    }
    return new String(out);
  }
}
