package org.ferrogen.genai.gguf;

/** A GGUF file that cannot be read; the message names the file and the problem. */
public final class GgufFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GgufFormatException(String message) {
    super(message);
  }
}
