package org.ferrogen.learn.llama;

/**
 * Architecture of a Llama model as llama.cpp defines it (the {@code llama.*} GGUF metadata).
 *
 * @param vocabSize     number of tokens ({@code token_embd.weight} rows)
 * @param dim           embedding width ({@code llama.embedding_length})
 * @param layers        number of transformer blocks ({@code llama.block_count})
 * @param heads         query heads ({@code llama.attention.head_count})
 * @param kvHeads       key/value heads ({@code llama.attention.head_count_kv}); divides {@code heads}
 * @param ffnDim        feed-forward width ({@code llama.feed_forward_length})
 * @param contextLength maximum sequence length ({@code llama.context_length})
 * @param ropeBase      rotary frequency base ({@code llama.rope.freq_base}; 10000)
 * @param normEps       RMSNorm epsilon ({@code llama.attention.layer_norm_rms_epsilon}; 1e-5)
 * @param tiedOutput    true when the output head reuses {@code token_embd.weight} (no {@code output.weight})
 */
public record LlamaConfig(int vocabSize, int dim, int layers, int heads, int kvHeads, int ffnDim,
        int contextLength, float ropeBase, float normEps, boolean tiedOutput) {

    public LlamaConfig {
        positive("vocabSize", vocabSize);
        positive("dim", dim);
        positive("layers", layers);
        positive("heads", heads);
        positive("kvHeads", kvHeads);
        positive("ffnDim", ffnDim);
        positive("contextLength", contextLength);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not a multiple of heads " + heads);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads " + heads + " is not a multiple of kvHeads " + kvHeads);
        }
        if ((dim / heads) % 2 != 0) {
            throw new IllegalArgumentException("head dimension " + dim / heads + " must be even for RoPE");
        }
        if (!(ropeBase > 0) || !(normEps > 0)) {
            throw new IllegalArgumentException("ropeBase and normEps must be positive, got " + ropeBase + ", " + normEps);
        }
    }

    /** Llama defaults for RoPE base (10000) and RMSNorm epsilon (1e-5), tied output head. */
    public static LlamaConfig of(int vocabSize, int dim, int layers, int heads, int kvHeads, int ffnDim,
            int contextLength) {
        return new LlamaConfig(vocabSize, dim, layers, heads, kvHeads, ffnDim, contextLength, 10000f, 1e-5f, true);
    }

    public int headDim() {
        return dim / heads;
    }

    public int kvDim() {
        return kvHeads * headDim();
    }

    /** Number of trainable floats. */
    public long parameterCount() {
        long perLayer = 2L * dim + (long) dim * dim * 2 + 2L * kvDim() * dim + 3L * dim * ffnDim;
        return (long) vocabSize * dim * (tiedOutput ? 1 : 2) + dim + layers * perLayer;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
