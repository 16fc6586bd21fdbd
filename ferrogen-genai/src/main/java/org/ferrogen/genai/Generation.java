package org.ferrogen.genai;

import java.util.Arrays;
import java.util.function.Consumer;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.genai.sample.Sampler;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Utf8StreamDecoder;

/** Runs a prompt through a model and samples a continuation, handing text to a listener as it is produced. */
public final class Generation {
  private Generation() {}

  /**
   * @param promptTokens tokens fed before generation (BOS included when the tokenizer adds one)
   * @param generated the sampled tokens (ending with EOS when it was sampled)
   * @param text decoded text of the generated tokens
   * @param promptSeconds wall time of the prompt pass
   * @param generationSeconds wall time of the generation loop
   */
  public record Result(int[] promptTokens, int[] generated, String text, double promptSeconds,
      double generationSeconds) {
    /** Generated tokens per second of generation time. */
    public double tokensPerSecond() {
      return generated.length / generationSeconds;
    }
  }

  /**
   * Generates up to {@code maxTokens} tokens after {@code prompt}, stopping at EOS or a full
   * context; {@code onText} receives each complete piece of UTF-8 text as soon as it is decoded.
   */
  public static Result generate(LlamaModel model, Tokenizer tokenizer, Sampler sampler, String prompt,
      int maxTokens, Consumer<String> onText) {
    return generate(model, tokenizer, picker(sampler), prompt, maxTokens, onText);
  }

  /** A {@link Sampler} as a {@link TokenPicker}: it samples from the logits alone. */
  public static TokenPicker picker(Sampler sampler) {
    return new TokenPicker() {
      @Override
      public void accept(int token) {
        sampler.accept(token);
      }

      @Override
      public int next(float[] logits, LlamaSession session) {
        return sampler.sample(logits);
      }
    };
  }

  /**
   * Picks the next token; unlike a {@link Sampler} it may look past the logits at the session (the
   * noise-native sampler reads the output head again).
   */
  public interface TokenPicker {
    /** Records a prompt token (for a repetition penalty). */
    void accept(int token);

    /** The next token after {@code logits}, the session's latest (its {@link LlamaSession#headInput()} matches them). */
    int next(float[] logits, LlamaSession session);
  }

  /** As {@link #generate(LlamaModel, Tokenizer, Sampler, String, int, Consumer)}, with any {@link TokenPicker}. */
  public static Result generate(LlamaModel model, Tokenizer tokenizer, TokenPicker sampler, String prompt,
      int maxTokens, Consumer<String> onText) {
    int[] encoded = tokenizer.encode(prompt);
    int[] promptTokens = tokenizer.addBos() ? prepend(tokenizer.bosId(), encoded) : encoded;
    if (promptTokens.length == 0) {
      throw new IllegalArgumentException("empty prompt and the tokenizer has no BOS token to start from");
    }
    int capacity = Math.min(model.config().contextLength(), promptTokens.length + maxTokens);
    if (promptTokens.length >= model.config().contextLength()) {
      throw new IllegalArgumentException("prompt of " + promptTokens.length + " tokens does not fit the context of "
          + model.config().contextLength());
    }
    LlamaSession session = model.newSession(capacity);
    long t0 = System.nanoTime();
    for (int t : promptTokens) {
      sampler.accept(t);
    }
    // The prompt runs as batched passes (matrix-matrix products); only its last position's logits are needed.
    float[] promptLogits = new float[model.config().vocabSize()];
    session.forward(promptTokens, 0, promptTokens.length, promptTokens.length - 1,
        (i, l) -> System.arraycopy(l, 0, promptLogits, 0, l.length));
    float[] logits = promptLogits;
    long t1 = System.nanoTime();
    int[] out = new int[maxTokens];
    int n = 0;
    Utf8StreamDecoder decoder = new Utf8StreamDecoder(tokenizer);
    StringBuilder text = new StringBuilder();
    while (n < maxTokens) {
      int next = sampler.next(logits, session);
      out[n++] = next;
      if (next == tokenizer.eosId()) {
        break;
      }
      String piece = decoder.accept(next);
      if (!piece.isEmpty()) {
        text.append(piece);
        onText.accept(piece);
      }
      if (session.position() >= session.capacity() || n == maxTokens) {
        break;
      }
      logits = session.forward(next);
    }
    String rest = decoder.flush();
    if (!rest.isEmpty()) {
      text.append(rest);
      onText.accept(rest);
    }
    long t2 = System.nanoTime();
    return new Result(promptTokens, Arrays.copyOf(out, n), text.toString(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  private static int[] prepend(int first, int[] rest) {
    int[] out = new int[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
