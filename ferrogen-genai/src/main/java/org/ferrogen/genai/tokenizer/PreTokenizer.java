package org.ferrogen.genai.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-tokenizers of byte-level BPE vocabularies, selected by {@code tokenizer.ggml.pre} and
 * reproducing llama.cpp's ({@code llama-vocab.cpp} chooses the expressions, {@code unicode.cpp}
 * applies them). A pre-tokenizer is a list of steps; each step splits every piece left by the
 * previous one into its matches and the text between them. Three kinds of step, as in llama.cpp:
 *
 * <ul>
 *   <li>GPT-2's expression {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)}
 *       and Llama 3's, as hand-written scanners over full Unicode categories (llama.cpp's custom
 *       implementations, including their whitespace set and the way they end a whitespace run);</li>
 *   <li>an expression using {@code \p{L}}, {@code \p{N}} or {@code \p{P}}: matched against a
 *       "collapsed" text in which every non-ASCII code point is one stand-in character for its
 *       category (whitespace becomes U+000B; letters, numbers and punctuation their own stand-ins;
 *       every other category, e.g. symbols and emoji, a stand-in that no category matches), the
 *       categories in the expression
 *       meaning their stand-in plus the ASCII members (A-Za-z, 0-9, ASCII punctuation);</li>
 *   <li>any other expression: matched against the text with non-ASCII whitespace replaced by U+000B
 *       ({@code \s} being ASCII whitespace, as for C++'s std::wregex).</li>
 * </ul>
 */
public final class PreTokenizer {
  /** Stand-ins of the collapsed text (private-use characters; llama.cpp uses the bytes 0xD0-0xD2). */
  private static final char LETTER = '\uE0D0';
  private static final char NUMBER = '\uE0D1';
  private static final char PUNCT = '\uE0D2';
  private static final char OTHER = '\uE0D3';
  /** \p{L}, \p{N}, \p{P} inside a character class of a collapsed expression. */
  private static final String L = LETTER + "A-Za-z";
  private static final String N = NUMBER + "0-9";
  private static final String P = PUNCT + "!-#%-*,-/:;?@\\[-\\]_\\{\\}";

  private static final String GPT2 = "gpt2";
  private static final String LLAMA3 = "llama3";

  private final String name;
  private final List<Step> steps;
  private final boolean ignoreMerges;

  private PreTokenizer(String name, List<Step> steps, boolean ignoreMerges) {
    this.name = name;
    this.steps = steps;
    this.ignoreMerges = ignoreMerges;
  }

  /** The names accepted by {@link #forName} (llama-vocab.cpp's names for these families). */
  public static final List<String> NAMES = List.of("default", "gpt-2", "mpt", "olmo", "llama-bpe", "llama3", "llama-v3",
      "dbrx", "smaug-bpe", "qwen2", "stablelm2", "deepseek-llm", "deepseek-coder", "falcon", "starcoder", "refact",
      "command-r");

  /**
   * The pre-tokenizer llama.cpp uses for {@code tokenizer.ggml.pre = name}; {@code null} (key absent)
   * is llama.cpp's default. An unknown name is an error naming it.
   */
  public static PreTokenizer forName(String name) {
    String n = name == null ? "default" : name;
    // Contractions in any case, as llama.cpp rewrites the (?i:...) of the original expressions.
    String q = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])";
    return switch (n) {
      case "gpt-2", "mpt", "olmo" -> new PreTokenizer(n, List.of(Step.custom(GPT2)), false);
      case "llama-bpe", "llama3", "llama-v3", "dbrx", "smaug-bpe" ->
          new PreTokenizer(n, List.of(Step.custom(LLAMA3)), n.equals("llama-bpe") || n.startsWith("llama"));
      case "qwen2", "stablelm2" -> new PreTokenizer(n, List.of(Step.collapsed(
          q + "|[^\\r\\n" + L + N + "]?[" + L + "]+|[" + N + "]| ?[^\\s" + L + N + "]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+")),
          false);
      case "deepseek-llm" -> new PreTokenizer(n, List.of(
          Step.wide("[\\r\\n]"),
          Step.wide("\\s?[" + DEEPSEEK_CASED_LETTERS + "]+"),
          Step.wide("\\s?[!-/:-~\\uFF01-\\uFF0F\\uFF1A-\\uFF5E\\u2018-\\u201F\\u3000-\\u3002]+"),
          Step.wide("\\s+\\z"),
          Step.wide("[\\u4E00-\\u9FA5\\u0800-\\u4E00\\uAC00-\\uD7FF]+"),
          Step.collapsed("[" + N + "]+")), false);
      case "deepseek-coder" -> new PreTokenizer(n, List.of(
          Step.wide("[\\r\\n]"),
          Step.collapsed("\\s?[" + L + "]+"),
          Step.collapsed("\\s?[" + P + "]+"),
          Step.wide("[\\u4E00-\\u9FA5\\u0800-\\u4E00\\uAC00-\\uD7FF]+"),
          Step.collapsed("[" + N + "]")), false);
      case "falcon" -> new PreTokenizer(n, List.of(
          Step.collapsed("[" + P + "\\$\\+<=>\\^~\\|`]+"),
          Step.custom(GPT2),
          Step.wide("[0-9][0-9][0-9]")), false);
      case "starcoder", "refact", "command-r" -> new PreTokenizer(n, List.of(
          Step.collapsed("[" + N + "]"),
          Step.custom(GPT2)), false);
      case "default" -> new PreTokenizer(n, List.of(
          Step.collapsed("[" + P + "\\$\\+<=>\\^~\\|]+"),
          Step.custom(GPT2),
          Step.collapsed("[" + N + "]+"),
          Step.wide("[0-9][0-9][0-9]")), false);
      default -> throw new IllegalArgumentException("unknown pre-tokenizer tokenizer.ggml.pre = '" + name
          + "' (supported: " + String.join(", ", NAMES) + ")");
    };
  }

  /**
   * Letters with case as deepseek-llm's tokenizer lists them (its tokenizer.json, as copied into
   * llama.cpp), written as escapes so that no editor normalises the compatibility characters.
   */
  private static final String DEEPSEEK_CASED_LETTERS = "A-Za-z\\u00B5\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u01BA"
      + "\\u01BC-\\u01BF\\u01C4-\\u0293\\u0295-\\u02AF\\u0370-\\u0373\\u0376\\u0377\\u037B-\\u037D\\u037F\\u0386"
      + "\\u0388-\\u038A\\u038C\\u038E-\\u03A1\\u03A3-\\u03F5\\u03F7-\\u0481\\u048A-\\u052F\\u0531-\\u0556"
      + "\\u10A0-\\u10C5\\u13A0-\\u13F5\\u13F8-\\u13FD\\u1C90-\\u1CBA\\u1CBD-\\u1CBF\\u1D00-\\u1D2B\\u1D6B-\\u1D77"
      + "\\u1D79-\\u1D9A\\u1E00-\\u1F15\\u1F18-\\u1F1D\\u1F20-\\u1F45\\u1F48-\\u1F4D\\u1F50-\\u1F57\\u1F59\\u1F5B"
      + "\\u1F5D\\u1F5F-\\u1F7D\\u1F80-\\u1FB4\\u1FB6-\\u1FBC\\u1FBE\\u1FC2-\\u1FC4\\u1FC6-\\u1FCC\\u1FD0-\\u1FD3"
      + "\\u1FD6-\\u1FDB\\u1FE0-\\u1FEC\\u1FF2-\\u1FF4\\u1FF6-\\u1FFC\\u2102\\u2107\\u210A-\\u2113\\u2115"
      + "\\u2119-\\u211D\\u2124\\u2126\\u2128\\u212A-\\u212D\\u212F-\\u2134\\u2139\\u213C-\\u213F\\u2145-\\u2149"
      + "\\u214E\\u2183\\u2184\\u2C00-\\u2C7B\\u2C7E-\\u2CE4\\u2CEB-\\u2CEE\\u2CF2\\u2CF3\\uA640-\\uA66D"
      + "\\uA680-\\uA69B\\uA722-\\uA76F\\uA771-\\uA787\\uA78B-\\uA78E\\uAB70-\\uABBF\\uFB00-\\uFB06\\uFB13-\\uFB17"
      + "\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\x{10400}-\\x{1044F}\\x{104B0}-\\x{104D3}\\x{104D8}-\\x{104FB}"
      + "\\x{10C80}-\\x{10CB2}\\x{10CC0}-\\x{10CF2}\\x{118A0}-\\x{118DF}\\x{1E900}-\\x{1E943}";

  /** The tokenizer.ggml.pre name. */
  public String name() {
    return name;
  }

  /**
   * Whether a piece that is itself a token skips the merges (llama.cpp's ignore_merges, set for the
   * Llama 3 family).
   */
  public boolean ignoreMerges() {
    return ignoreMerges;
  }

  /** Splits {@code text} into pieces that concatenate back to it. */
  public List<String> split(String text) {
    int[] cpts = text.codePoints().toArray();
    List<Integer> lengths = new ArrayList<>();
    if (cpts.length > 0) {
      lengths.add(cpts.length);
    }
    Subject subject = new Subject(text, cpts);
    for (Step s : steps) {
      lengths = s.split(subject, lengths);
    }
    List<String> out = new ArrayList<>(lengths.size());
    int start = 0;
    for (int len : lengths) {
      out.add(new String(cpts, start, len));
      start += len;
    }
    return out;
  }

  /** The text as code points, with the two regex subjects built on first use. */
  private static final class Subject {
    final String text;
    final int[] cpts;
    String collapsed;
    String wide;
    int[] wideCharOf;
    int[] cptOfChar;

    Subject(String text, int[] cpts) {
      this.text = text;
      this.cpts = cpts;
    }

    String collapsed() {
      if (collapsed == null) {
        StringBuilder sb = new StringBuilder(cpts.length);
        for (int c : cpts) {
          if (c < 128) {
            sb.append((char) c);
          } else if (UnicodeClass.isWhitespace(c)) {
            sb.append('\u000B');
          } else {
            sb.append(switch (Character.getType(c)) {
              case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
              case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                  Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                  Character.OTHER_PUNCTUATION -> PUNCT;
              case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                  Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER;
              default -> OTHER;
            });
          }
        }
        collapsed = sb.toString();
      }
      return collapsed;
    }

    String wide() {
      if (wide == null) {
        StringBuilder sb = new StringBuilder(text.length());
        wideCharOf = new int[cpts.length + 1];
        cptOfChar = new int[text.length() + 1];
        for (int i = 0; i < cpts.length; i++) {
          wideCharOf[i] = sb.length();
          cptOfChar[sb.length()] = i;
          int c = cpts[i];
          sb.appendCodePoint(c > 0x7F && UnicodeClass.isWhitespace(c) ? 0x0B : c);
        }
        wideCharOf[cpts.length] = sb.length();
        cptOfChar[sb.length()] = cpts.length;
        wide = sb.toString();
      }
      return wide;
    }
  }

  /** One splitting step: maps piece lengths (in code points) to finer piece lengths. */
  private abstract static class Step {
    abstract List<Integer> split(Subject s, List<Integer> lengths);

    static Step custom(String which) {
      return new Step() {
        @Override
        List<Integer> split(Subject s, List<Integer> lengths) {
          List<Integer> out = new ArrayList<>();
          int start = 0;
          for (int len : lengths) {
            if (which.equals(GPT2)) {
              Scanners.gpt2(s.cpts, start, start + len, out);
            } else {
              Scanners.llama3(s.cpts, start, start + len, out);
            }
            start += len;
          }
          return out;
        }
      };
    }

    static Step collapsed(String regex) {
      Pattern p = Pattern.compile(regex);
      return new Step() {
        @Override
        List<Integer> split(Subject s, List<Integer> lengths) {
          return regexSplit(p, s.collapsed(), null, null, lengths);
        }
      };
    }

    static Step wide(String regex) {
      Pattern p = Pattern.compile(regex);
      return new Step() {
        @Override
        List<Integer> split(Subject s, List<Integer> lengths) {
          String w = s.wide();
          return regexSplit(p, w, s.wideCharOf, s.cptOfChar, lengths);
        }
      };
    }

    /** Each piece split into its matches and the gaps between them (llama.cpp's unicode_regex_split_stl). */
    private static List<Integer> regexSplit(Pattern p, String subject, int[] charOf, int[] cptOf, List<Integer> lengths) {
      List<Integer> out = new ArrayList<>();
      int start = 0;
      for (int len : lengths) {
        int from = charOf == null ? start : charOf[start];
        int to = charOf == null ? start + len : charOf[start + len];
        Matcher m = p.matcher(subject).region(from, to);
        int last = start;
        while (m.find()) {
          int ms = cptOf == null ? m.start() : cptOf[m.start()];
          int me = cptOf == null ? m.end() : cptOf[m.end()];
          if (me == ms) {
            continue;
          }
          if (ms > last) {
            out.add(ms - last);
          }
          out.add(me - ms);
          last = me;
        }
        if (last < start + len) {
          out.add(start + len - last);
        }
        start += len;
      }
      return out;
    }
  }

  /** llama.cpp's hand-written scanners for the GPT-2 and Llama 3 expressions (unicode.cpp). */
  private static final class Scanners {
    private Scanners() {}

    private static final int OUT_OF_RANGE = -1;

    static void gpt2(int[] c, int begin, int end, List<Integer> out) {
      int pos = begin;
      int tokenStart = begin;
      while (pos < end) {
        int cpt = c[pos];
        if (cpt == '\'' && pos + 1 < end) {
          int next = c[pos + 1];
          if (next == 's' || next == 't' || next == 'm' || next == 'd') {
            pos += 2;
            tokenStart = add(out, tokenStart, pos);
            continue;
          }
          if (pos + 2 < end) {
            int next2 = c[pos + 2];
            if ((next == 'r' && next2 == 'e') || (next == 'v' && next2 == 'e') || (next == 'l' && next2 == 'l')) {
              pos += 3;
              tokenStart = add(out, tokenStart, pos);
              continue;
            }
          }
        }
        int cls2 = cpt == ' ' ? cls(c, pos + 1, end) : cls(c, pos, end);
        if (cls2 == UnicodeClass.LETTER || cls2 == UnicodeClass.NUMBER) {
          int kind = cls2;
          if (cpt == ' ') {
            pos++;
          }
          while (cls(c, pos, end) == kind) {
            pos++;
          }
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        if (cls2 == UnicodeClass.OTHER) {
          if (cpt == ' ') {
            pos++;
          }
          while (cls(c, pos, end) == UnicodeClass.OTHER) {
            pos++;
          }
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        int ws = 0;
        while (cls(c, pos + ws, end) == UnicodeClass.WHITESPACE) {
          ws++;
        }
        if (ws > 1 && pos + ws < end) {
          pos += ws - 1;
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        if (ws > 0) {
          pos += ws;
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        pos++;
        tokenStart = add(out, tokenStart, pos);
      }
    }

    static void llama3(int[] c, int begin, int end, List<Integer> out) {
      int pos = begin;
      int tokenStart = begin;
      while (pos < end) {
        int cpt = c[pos];
        int cls = cls(c, pos, end);
        if (cpt == '\'' && pos + 1 < end) {
          int next = Character.toLowerCase(c[pos + 1]);
          if (next == 's' || next == 't' || next == 'm' || next == 'd') {
            pos += 2;
            tokenStart = add(out, tokenStart, pos);
            continue;
          }
          if (pos + 2 < end) {
            int next2 = Character.toLowerCase(c[pos + 2]);
            if ((next == 'r' && next2 == 'e') || (next == 'v' && next2 == 'e') || (next == 'l' && next2 == 'l')) {
              pos += 3;
              tokenStart = add(out, tokenStart, pos);
              continue;
            }
          }
        }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if (!(cpt == '\r' || cpt == '\n' || cls == UnicodeClass.NUMBER)) {
          if (cls == UnicodeClass.LETTER || cls(c, pos + 1, end) == UnicodeClass.LETTER) {
            pos++;
            while (cls(c, pos, end) == UnicodeClass.LETTER) {
              pos++;
            }
            tokenStart = add(out, tokenStart, pos);
            continue;
          }
        }
        // \p{N}{1,3}
        if (cls == UnicodeClass.NUMBER) {
          int ini = pos;
          while (cls(c, pos, end) == UnicodeClass.NUMBER) {
            if (++pos - ini >= 3) {
              tokenStart = add(out, tokenStart, pos);
              ini = pos;
            }
          }
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        // <space>?[^\s\p{L}\p{N}]+[\r\n]*
        int cls2 = cpt == ' ' ? cls(c, pos + 1, end) : cls;
        if (cls2 == UnicodeClass.OTHER) {
          if (cpt == ' ') {
            pos++;
          }
          while (cls(c, pos, end) == UnicodeClass.OTHER) {
            pos++;
          }
          while (pos < end && (c[pos] == '\r' || c[pos] == '\n')) {
            pos++;
          }
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        int ws = 0;
        int lastNewlineEnd = 0;
        while (cls(c, pos + ws, end) == UnicodeClass.WHITESPACE) {
          int w = c[pos + ws];
          if (w == '\r' || w == '\n') {
            lastNewlineEnd = pos + ws + 1;
          }
          ws++;
        }
        // \s*[\r\n]+
        if (lastNewlineEnd > 0) {
          pos = lastNewlineEnd;
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        // \s+(?!\S)
        if (ws > 1 && pos + ws < end) {
          pos += ws - 1;
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        if (ws > 0) {
          pos += ws;
          tokenStart = add(out, tokenStart, pos);
          continue;
        }
        pos++;
        tokenStart = add(out, tokenStart, pos);
      }
    }

    private static int cls(int[] c, int pos, int end) {
      return pos < end ? UnicodeClass.of(c[pos]) : UnicodeClass.NONE;
    }

    /** Emits the piece [tokenStart, pos) if not empty; returns the next piece's start. */
    private static int add(List<Integer> out, int tokenStart, int pos) {
      if (pos > tokenStart) {
        out.add(pos - tokenStart);
      }
      return pos;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
