package org.ferrogen.learn.llama;

/**
 * Hyper-parameters of a Llama-architecture model as llama.cpp defines them (the {@code llama.*} GGUF
 * metadata): the one configuration record of the trainer ({@code ferrogen-learn}) and of the
 * inference runtime ({@code ferrogen-genai}, which reads it from a GGUF file with {@code
 * LlamaGguf.config}).
 *
 * @param name          {@code general.name} (a label; not part of the architecture)
 * @param contextLength maximum sequence length ({@code llama.context_length})
 * @param dim           embedding width ({@code llama.embedding_length})
 * @param layers        number of transformer blocks ({@code llama.block_count})
 * @param ffnDim        feed-forward width ({@code llama.feed_forward_length})
 * @param heads         query heads ({@code llama.attention.head_count})
 * @param kvHeads       key/value heads ({@code llama.attention.head_count_kv}); divides {@code heads}
 * @param vocabSize     number of tokens ({@code token_embd.weight} rows)
 * @param ropeBase      rotary frequency base ({@code llama.rope.freq_base}; 10000)
 * @param rmsEps        RMSNorm epsilon ({@code llama.attention.layer_norm_rms_epsilon}; 1e-5)
 * @param tiedOutput    true when the output head reuses {@code token_embd.weight} (no {@code output.weight})
 */
public record LlamaConfig(
        String name,
        int contextLength,
        int dim,
        int layers,
        int ffnDim,
        int heads,
        int kvHeads,
        int vocabSize,
        float ropeBase,
        float rmsEps,
        boolean tiedOutput) {

    /**
     * Largest context length accepted (2^20 positions): above the longest-context models in use
     * (10^6 positions), and a bound on the KV cache a file can make FerroGen allocate.
     */
    public static final int MAX_CONTEXT = 1 << 20;
    /** Largest embedding length, feed-forward length and layer count accepted (resource bounds). */
    public static final int MAX_DIM = 1 << 16;
    public static final int MAX_FFN = 1 << 20;
    public static final int MAX_LAYERS = 1024;

    public LlamaConfig {
        if (dim <= 0 || layers <= 0 || ffnDim <= 0 || heads <= 0 || kvHeads <= 0 || vocabSize <= 0 || contextLength <= 0) {
            throw new IllegalArgumentException("model " + name + ": sizes must be positive (context " + contextLength
                    + ", dim " + dim + ", layers " + layers + ", ffn " + ffnDim + ", heads " + heads + "/" + kvHeads
                    + ", vocab " + vocabSize + ")");
        }
        if (contextLength > MAX_CONTEXT || dim > MAX_DIM || ffnDim > MAX_FFN || layers > MAX_LAYERS || heads > dim) {
            throw new IllegalArgumentException("model " + name + ": sizes out of range (context " + contextLength
                    + " of at most " + MAX_CONTEXT + ", dim " + dim + " of " + MAX_DIM + ", ffn " + ffnDim + " of "
                    + MAX_FFN + ", layers " + layers + " of " + MAX_LAYERS + ", heads " + heads + " of at most dim)");
        }
        if (!(Float.isFinite(ropeBase) && ropeBase > 0)) {
            throw new IllegalArgumentException("model " + name + ": RoPE base " + ropeBase + " must be finite and positive");
        }
        if (!(Float.isFinite(rmsEps) && rmsEps > 0 && rmsEps < 1)) {
            throw new IllegalArgumentException("model " + name + ": RMSNorm epsilon " + rmsEps + " must be in (0, 1)");
        }
        if (dim % heads != 0) {
            throw new IllegalArgumentException("model " + name + ": embedding length " + dim
                    + " is not a multiple of the head count " + heads);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("model " + name + ": head count " + heads
                    + " is not a multiple of the KV head count " + kvHeads);
        }
        if ((dim / heads) % 2 != 0) {
            throw new IllegalArgumentException("model " + name + ": head dimension " + dim / heads
                    + " is odd (RoPE needs pairs)");
        }
    }

    /** A model named "llama" with Llama's defaults: RoPE base 10000, RMSNorm epsilon 1e-5, tied output head. */
    public static LlamaConfig of(int vocabSize, int dim, int layers, int heads, int kvHeads, int ffnDim,
            int contextLength) {
        return new LlamaConfig("llama", contextLength, dim, layers, ffnDim, heads, kvHeads, vocabSize, 10000f, 1e-5f, true);
    }

    /** The same model under another name. */
    public LlamaConfig withName(String newName) {
        return new LlamaConfig(newName, contextLength, dim, layers, ffnDim, heads, kvHeads, vocabSize, ropeBase, rmsEps,
                tiedOutput);
    }

    public int headDim() {
        return dim / heads;
    }

    public int kvDim() {
        return kvHeads * headDim();
    }

    /** Number of weights: linear layers, embedding and norms (a tied output head counted once). */
    public long parameterCount() {
        long perLayer = 2L * dim + (long) dim * dim * 2 + 2L * kvDim() * dim + 3L * dim * ffnDim;
        return (long) vocabSize * dim * (tiedOutput ? 1 : 2) + dim + layers * perLayer;
    }
}
