package org.ferrogen.genai.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of tokens produced one at a time into text, holding back an incomplete UTF-8
 * character until the token that completes it arrives (byte-level tokens may split a character).
 */
public final class Utf8StreamDecoder {
  private final Tokenizer tokenizer;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  public Utf8StreamDecoder(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** Adds a token; returns the text that became complete (possibly empty). */
  public String accept(int id) {
    pending.writeBytes(tokenizer.tokenBytes(id));
    byte[] b = pending.toByteArray();
    int complete = completePrefix(b);
    pending.reset();
    pending.write(b, complete, b.length - complete);
    return new String(b, 0, complete, StandardCharsets.UTF_8);
  }

  /** Whatever is still held back, decoded with replacement characters. */
  public String flush() {
    String s = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    return s;
  }

  /** Length of the longest prefix not ending inside a (possibly valid) multi-byte sequence. */
  static int completePrefix(byte[] b) {
    int n = b.length;
    // Look back at most 3 bytes for the lead byte of a trailing incomplete sequence.
    for (int back = 1; back <= Math.min(3, n); back++) {
      int c = b[n - back] & 0xff;
      if ((c & 0xc0) == 0x80) {
        continue;
      }
      int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }
}
