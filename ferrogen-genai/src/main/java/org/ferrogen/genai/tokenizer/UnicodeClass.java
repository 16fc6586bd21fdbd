package org.ferrogen.genai.tokenizer;

/**
 * The code point classes llama.cpp's pre-tokenizer scanners test (unicode.cpp's flags): letter
 * (general category L), number (N), whitespace (llama.cpp's own set, which includes U+0085 and the
 * no-break spaces), or other (anything else, assigned or not). Categories come from the JDK's
 * Unicode tables (Unicode 13 on JDK 17), which may differ from llama.cpp's newer tables for code
 * points assigned since.
 */
final class UnicodeClass {
  private UnicodeClass() {}

  static final int NONE = 0;
  static final int LETTER = 1;
  static final int NUMBER = 2;
  static final int WHITESPACE = 3;
  static final int OTHER = 4;

  /** llama.cpp's unicode_set_whitespace. */
  static boolean isWhitespace(int c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  static int of(int c) {
    if (isWhitespace(c)) {
      return WHITESPACE;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER;
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
      default -> OTHER;
    };
  }
}
