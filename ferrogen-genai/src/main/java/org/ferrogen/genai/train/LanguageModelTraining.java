package org.ferrogen.genai.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.genai.gguf.GgufWriter;
import org.ferrogen.genai.model.LlamaGguf;
import org.ferrogen.genai.tokenizer.BpeTokenizer;
import org.ferrogen.genai.tokenizer.BpeVocabulary;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.learn.llama.LlamaWeights;
import org.ferrogen.learn.llama.NamedTensor;

/**
 * The glue between a text, FerroGen's BPE trainer, {@code ferrogen-learn}'s {@code LlamaTrainer}
 * and the GGUF writer: how a text is split into training and held-out tokens, and how trained
 * weights become a llama GGUF file that {@code generate} and other GGUF readers load.
 */
public final class LanguageModelTraining {
  private LanguageModelTraining() {}

  /** Special tokens of FerroGen-trained vocabularies: BOS and EOS, appended after the learned tokens. */
  public static final List<String> SPECIAL_TOKENS = List.of("<s>", "</s>");

  /**
   * A text split at a line boundary into a training part (the first {@code 1 − heldOutFraction} of
   * its characters) and a held-out part (the rest), each tokenized on its own.
   *
   * @param trainText the training characters
   * @param heldOutText the held-out characters, which training never sees
   * @param train training token ids
   * @param heldOut held-out token ids
   */
  public record Split(String trainText, String heldOutText, int[] train, int[] heldOut) {}

  /** Splits {@code text} so that the held-out part is its last {@code heldOutFraction}, starting at a new line. */
  public static Split split(String text, double heldOutFraction, BpeTokenizer tokenizer) {
    if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
      throw new IllegalArgumentException("held-out fraction must lie strictly between 0 and 1, got " + heldOutFraction);
    }
    int cut = (int) Math.round(text.length() * (1 - heldOutFraction));
    int newline = text.indexOf('\n', cut);
    cut = newline < 0 ? cut : newline + 1;
    if (cut <= 0 || cut >= text.length()) {
      throw new IllegalArgumentException("text of " + text.length() + " characters is too short to hold out "
          + heldOutFraction + " of it");
    }
    String train = text.substring(0, cut);
    String heldOut = text.substring(cut);
    return new Split(train, heldOut, tokenizer.encode(train), tokenizer.encode(heldOut));
  }

  /**
   * A GGUF writer for trained weights: matrices as {@code weightType}, norms as F32, the BPE
   * vocabulary, and {@code add_bos_token = false} because the trainer sees plain token streams.
   * {@code description} goes to {@code general.description} (e.g. the command that made the model).
   */
  public static GgufWriter writer(String name, LlamaWeights weights, GgmlType weightType, BpeVocabulary vocabulary,
      String description) {
    Map<String, float[]> tensors = new HashMap<>();
    for (NamedTensor t : weights.tensors()) {
      tensors.put(t.name(), t.data());
    }
    LlamaConfig config = weights.config().withName(name);
    for (String n : LlamaGguf.tensorNames(config)) {
      if (!tensors.containsKey(n)) {
        throw new IllegalArgumentException("trained weights lack tensor " + n);
      }
    }
    GgufWriter w = LlamaGguf.writer(config, tensors::get, weightType, vocabulary, false);
    if (description != null && !description.isBlank()) {
      w.put("general.description", GgufValue.ofString(description));
    }
    return w;
  }
}
