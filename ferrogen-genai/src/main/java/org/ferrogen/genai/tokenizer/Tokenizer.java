package org.ferrogen.genai.tokenizer;

/** Text to token ids and back. */
public interface Tokenizer {
  /** Token type values of tokenizer.ggml.token_type (llama.cpp's llama_token_type). */
  int TYPE_NORMAL = 1;
  int TYPE_UNKNOWN = 2;
  int TYPE_CONTROL = 3;
  int TYPE_USER_DEFINED = 4;
  int TYPE_UNUSED = 5;
  int TYPE_BYTE = 6;

  int vocabSize();

  /** The token ids of {@code text}, without BOS/EOS. */
  int[] encode(String text);

  /**
   * The bytes token {@code id} contributes to decoded text (UTF-8, possibly part of a character;
   * empty for control tokens). For SentencePiece vocabularies the ▁ becomes a space here.
   */
  byte[] tokenBytes(int id);

  /** Decoded text of a whole sequence (inverse of {@link #encode} for ordinary text). */
  String decode(int[] ids);

  /** The token's string as stored in the vocabulary. */
  String token(int id);

  /** Beginning-of-sequence id, or -1. */
  int bosId();

  /** End-of-sequence id, or -1. */
  int eosId();

  /** Whether a BOS token is put before a prompt (tokenizer.ggml.add_bos_token). */
  boolean addBos();
}
