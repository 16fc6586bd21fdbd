package org.ferrogen.genai.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  static final String CORPUS = """
      In the beginning God created the heaven and the earth. And the earth was without form, and void;
      and darkness was upon the face of the deep. And the Spirit of God moved upon the face of the waters.
      And God said, Let there be light: and there was light. Ünïcödé 日本語 🙂 can't won't it's 1611 2024
      """;

  static final BpeTokenizer BPE = BpeTrainer.train(CORPUS, 400, List.of("<s>", "</s>")).tokenizer(true);
  static final SentencePieceTokenizer SPM = spm();

  /** A small SentencePiece vocabulary: control tokens, 256 byte tokens, a few pieces with scores. */
  static SentencePieceTokenizer spm() {
    List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
    List<Integer> types = new ArrayList<>(List.of(2, 3, 3));
    for (int b = 0; b < 256; b++) {
      tokens.add(String.format("<0x%02X>", b));
      types.add(Tokenizer.TYPE_BYTE);
    }
    String[] pieces = {"▁", "t", "h", "e", "th", "▁t", "▁th", "▁the", "he", "a", "n", "d", "an", "▁an", "▁and",
        "日", "o", "r", "or"};
    for (String p : pieces) {
      tokens.add(p);
      types.add(Tokenizer.TYPE_NORMAL);
    }
    float[] scores = new float[tokens.size()];
    for (int i = 0; i < pieces.length; i++) {
      scores[259 + i] = pieces[i].length(); // longer pieces score higher
    }
    return new SentencePieceTokenizer(tokens, scores, types.stream().mapToInt(Integer::intValue).toArray(), 0, 1, 2,
        true, true);
  }

  @Provide
  Arbitrary<String> utf8Text() {
    // Any Unicode scalar value (no lone surrogates: those are not encodable as UTF-8), biased towards
    // ASCII, whitespace and letters so that merges and pre-tokenizer rules are exercised.
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x3000)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xd7ff)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
    return codePoint.list().ofMaxSize(40).map(cps -> {
      StringBuilder sb = new StringBuilder();
      cps.forEach(sb::appendCodePoint);
      return sb.toString();
    });
  }

  @Property(tries = 300, seed = "20261203")
  void byteLevelBpeRoundTripsArbitraryUtf8(@ForAll("utf8Text") String text) {
    int[] ids = BPE.encode(text);
    assertThat(BPE.decode(ids)).isEqualTo(text);
    StringBuilder streamed = new StringBuilder();
    Utf8StreamDecoder d = new Utf8StreamDecoder(BPE);
    for (int id : ids) {
      streamed.append(d.accept(id));
    }
    assertThat(streamed.append(d.flush()).toString()).isEqualTo(text);
  }

  /** SentencePiece uses ▁ (U+2581) as its space marker, so a literal ▁ in the input decodes as a space. */
  @Property(tries = 300, seed = "20261203")
  void sentencePieceRoundTripsArbitraryUtf8WithoutItsSpaceMarker(@ForAll("utf8Text") String raw) {
    String text = raw.replace('\u2581', '_');
    assertThat(SPM.decode(SPM.encode(text))).isEqualTo(text);
  }

  @Property(tries = 100, seed = "20261203")
  void preTokenizerPiecesConcatenateToTheInput(@ForAll("utf8Text") String text) {
    for (String name : PreTokenizer.NAMES) {
      assertThat(String.join("", PreTokenizer.forName(name).split(text))).as(name).isEqualTo(text);
    }
  }

  @Test
  void gpt2PreTokenizerSplitsLikeGpt2() {
    assertThat(PreTokenizer.forName("gpt-2").split("Hello world's 123  x!?"))
        .containsExactly("Hello", " world", "'s", " 123", " ", " x", "!?");
  }

  @Test
  void llama3PreTokenizerGroupsDigitsByThreeAndKeepsNewlinesWithWhitespace() {
    assertThat(PreTokenizer.forName("llama-bpe").split("ied 4 \u00bd months 12345 I'M  \n\nok"))
        .containsExactly("ied", " ", "4", " ", "\u00bd", " months", " ", "123", "45", " I", "'M", "  \n\n", "ok");
  }

  @Test
  void unknownPreTokenizerIsAnErrorNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PreTokenizer.forName("klingon-bpe"))
        .hasMessageContaining("klingon-bpe").hasMessageContaining("llama-bpe");
  }

  @Test
  void byteUnicodeMapsSpaceToGAndIsABijection() {
    assertThat(ByteUnicode.charOf(' ')).isEqualTo('Ġ');
    assertThat(ByteUnicode.charOf('\n')).isEqualTo('Ċ');
    assertThat(ByteUnicode.charOf('A')).isEqualTo('A');
    java.util.Set<Character> seen = new java.util.HashSet<>();
    for (int b = 0; b < 256; b++) {
      assertThat(ByteUnicode.byteOf(ByteUnicode.charOf(b))).isEqualTo(b);
      seen.add(ByteUnicode.charOf(b));
    }
    assertThat(seen).hasSize(256);
  }

  @Test
  void trainerLearnsTheMostFrequentPairsFirst() {
    // "aa" is the most frequent pair (4 per word, in 3 words); then "aaaa" (aa+aa).
    BpeVocabulary v = BpeTrainer.train("aaaab aaaab aaaab xy", 256 + 2, List.of());
    assertThat(v.merges()).containsExactly("a a", "aa aa");
    assertThat(v.tokens().subList(256, 258)).containsExactly("aa", "aaaa");
    BpeTokenizer t = v.tokenizer(false);
    assertThat(t.encode("aaaab")).containsExactly(257, 'b');
  }

  @Test
  void trainedVocabularyHasRequestedSizeAndSpecialTokens() {
    BpeVocabulary v = BpeTrainer.train(CORPUS, 350, List.of("<s>", "</s>"));
    assertThat(v.tokens()).hasSize(350).doesNotHaveDuplicates();
    assertThat(v.bosId()).isEqualTo(348);
    assertThat(v.eosId()).isEqualTo(349);
    assertThat(v.tokenTypes()[348]).isEqualTo(Tokenizer.TYPE_CONTROL);
    assertThat(v.merges().size()).isGreaterThanOrEqualTo(350 - 256 - 2);
    // Learned merges compress the training text well below one token per byte.
    assertThat(BPE.encode(CORPUS).length).isLessThan(CORPUS.getBytes(StandardCharsets.UTF_8).length / 2);
    assertThat(BPE.tokenBytes(BPE.bosId())).isEmpty();
  }

  @Test
  void sentencePieceMergesByScoreAndFallsBackToBytes() {
    int[] ids = SPM.encode("the and 語");
    List<String> pieces = new ArrayList<>();
    for (int id : ids) {
      pieces.add(SPM.token(id));
    }
    // "語" is not in the vocabulary: its three UTF-8 bytes E8 AA 9E become byte tokens.
    assertThat(pieces).containsExactly("▁the", "▁and", "▁", "<0xE8>", "<0xAA>", "<0x9E>");
    assertThat(SPM.decode(ids)).isEqualTo("the and 語");
  }

  @Test
  void streamDecoderHoldsBackSplitCharacters() {
    assertThat(Utf8StreamDecoder.completePrefix(new byte[] {'a', (byte) 0xe6})).isEqualTo(1);
    assertThat(Utf8StreamDecoder.completePrefix(new byte[] {'a', (byte) 0xe6, (byte) 0x97})).isEqualTo(1);
    assertThat(Utf8StreamDecoder.completePrefix(new byte[] {'a', (byte) 0xe6, (byte) 0x97, (byte) 0xa5})).isEqualTo(4);
  }
}
