package org.ferrogen.genai.tokenizer;

import java.util.List;

/**
 * A byte-level BPE vocabulary as stored in GGUF ({@code tokenizer.ggml.model = gpt2}).
 *
 * @param tokens token strings in byte-unicode form, id = index
 * @param tokenTypes tokenizer.ggml.token_type values, one per token
 * @param merges merge rules in rank order, "left right"
 * @param bosId BOS id or -1
 * @param eosId EOS id or -1
 */
public record BpeVocabulary(List<String> tokens, int[] tokenTypes, List<String> merges, int bosId, int eosId) {
  public BpeVocabulary {
    tokens = List.copyOf(tokens);
    merges = List.copyOf(merges);
    tokenTypes = tokenTypes.clone();
    if (tokenTypes.length != tokens.size()) {
      throw new IllegalArgumentException(tokens.size() + " tokens but " + tokenTypes.length + " token types");
    }
  }

  /** A tokenizer over this vocabulary; BOS is added to prompts when {@code addBos}. */
  public BpeTokenizer tokenizer(boolean addBos) {
    return new BpeTokenizer(tokens, tokenTypes, merges, bosId, eosId, addBos);
  }
}
