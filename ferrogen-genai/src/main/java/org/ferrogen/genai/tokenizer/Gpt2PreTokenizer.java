package org.ferrogen.genai.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenizer: splits text into contractions, letter runs, digit runs, other-symbol runs
 * (each optionally led by one space) and whitespace, so that BPE merges never cross those pieces.
 * The pattern is GPT-2's (encoder.py); the pieces concatenate back to the input exactly.
 */
public final class Gpt2PreTokenizer {
  private static final Pattern PATTERN = Pattern.compile(
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

  private Gpt2PreTokenizer() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = PATTERN.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        // Unreachable for well-formed strings; keeps the pieces covering the input regardless.
        out.add(text.substring(last, m.start()));
      }
      out.add(m.group());
      last = m.end();
    }
    if (last < text.length()) {
      out.add(text.substring(last));
    }
    return out;
  }
}
