package org.ferrogen.genai.tokenizer;

import java.util.Arrays;
import java.util.List;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.genai.gguf.GgufValueType;
import org.ferrogen.genai.gguf.GgufWriter;

/** Reads tokenizers from, and writes them to, the {@code tokenizer.ggml.*} metadata of GGUF files. */
public final class Tokenizers {
  private Tokenizers() {}

  /** The tokenizer described by {@code f}'s metadata. */
  public static Tokenizer fromGguf(GgufFile f) {
    String model = f.requireString("tokenizer.ggml.model");
    List<String> tokens = Arrays.asList(strings(f, "tokenizer.ggml.tokens"));
    int[] types = ints(f, "tokenizer.ggml.token_type", tokens.size());
    int bos = (int) f.getLong("tokenizer.ggml.bos_token_id", -1);
    int eos = (int) f.getLong("tokenizer.ggml.eos_token_id", -1);
    int unk = (int) f.getLong("tokenizer.ggml.unknown_token_id", -1);
    try {
      return switch (model) {
        case "gpt2" -> new BpeTokenizer(tokens, types, Arrays.asList(strings(f, "tokenizer.ggml.merges")),
            bos, eos, bool(f, "tokenizer.ggml.add_bos_token", false), preTokenizer(f));
        case "llama" -> new SentencePieceTokenizer(tokens, floats(f, "tokenizer.ggml.scores", tokens.size()), types,
            unk, bos, eos, bool(f, "tokenizer.ggml.add_bos_token", true),
            bool(f, "tokenizer.ggml.add_space_prefix", true));
        default -> throw new GgufFormatException(f.path() + ": unsupported tokenizer model '" + model
            + "' (supported: gpt2, llama)");
      };
    } catch (GgufFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new GgufFormatException(f.path() + ": tokenizer: " + e.getMessage());
    }
  }

  /** Puts a byte-level BPE vocabulary into {@code w}'s metadata (model gpt2). */
  public static void writeBpe(GgufWriter w, BpeVocabulary v, boolean addBos) {
    w.putString("tokenizer.ggml.model", "gpt2");
    // llama.cpp's name for GPT-2's pre-tokenizer (the one BpeTrainer trains with).
    w.putString("tokenizer.ggml.pre", "gpt-2");
    w.put("tokenizer.ggml.tokens", GgufValue.ofStrings(v.tokens().toArray(new String[0])));
    w.put("tokenizer.ggml.token_type", GgufValue.ofInt32s(v.tokenTypes()));
    w.put("tokenizer.ggml.merges", GgufValue.ofStrings(v.merges().toArray(new String[0])));
    if (v.bosId() >= 0) {
      w.putUint32("tokenizer.ggml.bos_token_id", v.bosId());
    }
    if (v.eosId() >= 0) {
      w.putUint32("tokenizer.ggml.eos_token_id", v.eosId());
    }
    w.put("tokenizer.ggml.add_bos_token", GgufValue.ofBool(addBos && v.bosId() >= 0));
  }

  private static PreTokenizer preTokenizer(GgufFile f) {
    GgufValue pre = f.get("tokenizer.ggml.pre");
    if (pre != null && pre.type() != GgufValueType.STRING) {
      throw new GgufFormatException(f.path() + ": metadata tokenizer.ggml.pre is not a string");
    }
    try {
      return PreTokenizer.forName(pre == null ? null : pre.asString());
    } catch (IllegalArgumentException e) {
      throw new GgufFormatException(f.path() + ": " + e.getMessage());
    }
  }

  private static boolean bool(GgufFile f, String key, boolean fallback) {
    GgufValue v = f.get(key);
    if (v == null) {
      return fallback;
    }
    if (v.type() != GgufValueType.BOOL) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " is not a bool");
    }
    return (Boolean) v.value();
  }

  private static String[] strings(GgufFile f, String key) {
    GgufValue v = f.get(key);
    if (v == null) {
      throw new GgufFormatException(f.path() + ": metadata key " + key + " is missing");
    }
    if (v.type() != GgufValueType.ARRAY || v.elementType() != GgufValueType.STRING) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " is not an array of strings");
    }
    return (String[]) v.value();
  }

  private static int[] ints(GgufFile f, String key, int n) {
    GgufValue v = f.get(key);
    if (v == null) {
      return null;
    }
    if (v.type() != GgufValueType.ARRAY || !(v.value() instanceof int[] a)) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " is not an array of 32-bit integers");
    }
    if (a.length != n) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " has " + a.length + " entries for " + n + " tokens");
    }
    return a;
  }

  private static float[] floats(GgufFile f, String key, int n) {
    GgufValue v = f.get(key);
    if (v == null) {
      return null;
    }
    if (v.type() != GgufValueType.ARRAY || !(v.value() instanceof float[] a)) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " is not an array of float32");
    }
    if (a.length != n) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " has " + a.length + " entries for " + n + " tokens");
    }
    return a;
  }
}
