package org.ferrogen.genai.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.genai.model.LlamaGguf;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.genai.tokenizer.BpeTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
  @TempDir Path dir;

  @Test
  void distinctNCountsUniqueNgramsOverAllSamples() {
    List<int[]> samples = List.of(new int[] {1, 2, 3, 1, 2}, new int[] {1, 2}, new int[] {7});
    assertThat(Diversity.distinctN(samples, 1)).isEqualTo(4.0 / 8);
    // bigrams: (1,2) (2,3) (3,1) (1,2) | (1,2) → 3 distinct of 5
    assertThat(Diversity.distinctN(samples, 2)).isEqualTo(3.0 / 5);
    assertThat(Diversity.distinctN(samples, 6)).isZero();
  }

  @Test
  void repetitionIsTheShareOfRepeatedNgramsWithinASample() {
    // bigrams (1,2) (2,1) (1,2) (2,1) (1,2): 2 distinct of 5
    assertThat(Diversity.repetition(new int[] {1, 2, 1, 2, 1, 2}, 2)).isCloseTo(0.6, within(1e-12));
    assertThat(Diversity.repetition(new int[] {1, 2, 3, 4}, 2)).isZero();
    assertThat(Diversity.repetition(new int[] {1}, 2)).isZero();
  }

  @Test
  void selfBleuFollowsPapineniOnHandComputedCases() {
    List<int[]> same = List.of(new int[] {1, 2, 3, 4}, new int[] {1, 2, 3, 4});
    assertThat(Diversity.selfBleu(same, 0, 4)).isCloseTo(1.0, within(1e-12));
    List<int[]> disjoint = List.of(new int[] {1, 2, 3, 4}, new int[] {5, 6, 7, 8});
    assertThat(Diversity.selfBleu(disjoint, 0, 4)).isZero();
    // unigrams 4/5 clipped, bigrams 3/4: BLEU-2 = sqrt(0.8 · 0.75), equal lengths so no brevity penalty
    List<int[]> close = List.of(new int[] {1, 2, 3, 4, 5}, new int[] {1, 2, 3, 4, 9});
    assertThat(Diversity.selfBleu(close, 0, 2)).isCloseTo(Math.sqrt(0.6), within(1e-12));
    // a 2-token hypothesis against a 4-token reference: brevity penalty exp(1 − 4/2)
    List<int[]> shortOne = List.of(new int[] {1, 2}, new int[] {1, 2, 3, 4});
    assertThat(Diversity.selfBleu(shortOne, 0, 1)).isCloseTo(Math.exp(-1), within(1e-12));
  }

  private LlamaModel model(boolean zeroOutput) throws IOException {
    LlamaConfig c = new LlamaConfig("m", 16, 64, 1, 96, 2, 2, 260, 10000f, 1e-5f, false);
    Map<String, float[]> t = new HashMap<>();
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (String n : LlamaGguf.tensorNames(c)) {
      long[] ne = LlamaGguf.shape(c, n);
      float[] v = new float[(int) (ne.length == 1 ? ne[0] : ne[0] * ne[1])];
      for (int i = 0; i < v.length; i++) {
        v[i] = ne.length == 1 ? 1f : (zeroOutput && n.equals("output.weight") ? 0f : (float) (0.1 * r.nextGaussian()));
      }
      t.put(n, v);
    }
    Path f = dir.resolve("m" + zeroOutput + ".gguf");
    try (OutputStream out = Files.newOutputStream(f)) {
      LlamaGguf.writer(c, t, GgmlType.F32, BpeTrainer.train("abcd abce", 260, List.of("<s>", "</s>"))).write(out);
    }
    return LlamaModel.load(GgufFile.open(f), new FloatBackend(1));
  }

  @Test
  void uniformLogitsGivePerplexityEqualToTheVocabularySize() throws IOException {
    Perplexity.Result r = Perplexity.compute(model(true), new int[] {1, 5, 9, 200, 3, 3, 3, 7, 8, 9}, 4, 2);
    assertThat(r.tokensScored()).isEqualTo(9);
    assertThat(r.perplexity()).isCloseTo(260, within(1e-6));
  }

  @Test
  void slidingWindowScoresEachTokenOnceWithTheSameHistoryAsADirectRun() throws IOException {
    LlamaModel m = model(false);
    int[] tokens = {1, 5, 9, 200, 3, 3, 3, 7, 8, 9, 11};
    // Within one window the result must equal a direct computation.
    LlamaSession s = m.newSession();
    double nll = 0;
    for (int i = 0; i + 1 < tokens.length; i++) {
      nll -= Perplexity.logSoftmax(s.forward(tokens[i]), tokens[i + 1]);
    }
    Perplexity.Result whole = Perplexity.compute(m, tokens, 16, 8);
    // Perplexity runs batched passes, whose dot products sum in another order than token-at-a-time
    // ones: equal up to float rounding (differences of ~1e-8 nats here).
    assertThat(whole.meanNll()).isCloseTo(nll / (tokens.length - 1), within(1e-6));
    // With short windows every prediction is still scored exactly once.
    Perplexity.Result sliding = Perplexity.compute(m, tokens, 4, 3);
    assertThat(sliding.tokensScored()).isEqualTo(tokens.length - 1);
    assertThat(sliding.perplexity()).isNotCloseTo(whole.perplexity(), within(1e-9));
  }

  /** The float-lane log-softmax against the same formula in double precision (odd and vocabulary-sized lengths). */
  @Test
  void logSoftmaxMatchesDoublePrecision() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int n : new int[] {1, 37, 2048, 32001}) {
      float[] logits = new float[n];
      for (int i = 0; i < n; i++) {
        logits[i] = (float) (r.nextGaussian() * 4);
      }
      double max = Double.NEGATIVE_INFINITY;
      for (float v : logits) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (float v : logits) {
        sum += Math.exp(v - max);
      }
      for (int target : new int[] {0, n / 2, n - 1}) {
        double want = logits[target] - max - Math.log(sum);
        assertThat(Perplexity.logSoftmax(logits, target)).isCloseTo(want, within(1e-6));
      }
    }
  }
}
