package org.ferrogen.learn.llama;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ferrogen.learn.CausalAttention;
import org.ferrogen.learn.MatMul;
import org.ferrogen.learn.Ops;
import org.ferrogen.learn.Parallel;
import org.ferrogen.learn.Parameter;
import org.ferrogen.learn.RotaryEmbedding;

/**
 * A trainable Llama model with llama.cpp's exact forward computation and a hand-written backward pass.
 *
 * <p>Per block: {@code h = x + Wo·attn(rope(Wq·n1), rope(Wk·n1), Wv·n1)} with {@code n1 = rmsnorm(x)·attn_norm},
 * then {@code x' = h + Wdown·(silu(Wgate·n2) ⊙ Wup·n2)} with {@code n2 = rmsnorm(h)·ffn_norm}; finally
 * {@code logits = Wout·(rmsnorm(x_L)·output_norm)} where {@code Wout} is {@code output.weight} or, when tied,
 * {@code token_embd.weight}. Parameters carry their GGUF tensor names; matrices are out rows × in columns.
 *
 * <p>A model is not thread-safe; one {@link #lossAndGradients} call uses the pool's threads internally.
 */
public final class LlamaModel {

    private final LlamaConfig config;
    private final List<Parameter> parameters;
    private final Map<String, Parameter> byName;
    private final Parameter embedding;
    private final Parameter outputNorm;
    private final Parameter output;
    private final Block[] blocks;
    private final RotaryEmbedding rope;
    /** Transposed copies (in × out) of every matrix used as a linear layer, refreshed each forward pass. */
    private final Map<Parameter, float[]> transposed = new LinkedHashMap<>();
    private Workspace workspace;

    private static final class Block {
        Parameter attnNorm;
        Parameter wq;
        Parameter wk;
        Parameter wv;
        Parameter wo;
        Parameter ffnNorm;
        Parameter gate;
        Parameter up;
        Parameter down;
    }

    /** A model with all weights zero; see {@link #initialise(long)}. */
    public LlamaModel(LlamaConfig config) {
        this.config = config;
        int d = config.dim();
        int kv = config.kvDim();
        int f = config.ffnDim();
        List<Parameter> list = new ArrayList<>();
        embedding = Parameter.zeros("token_embd.weight", config.vocabSize(), d, true);
        list.add(embedding);
        blocks = new Block[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            Block block = new Block();
            String p = "blk." + l + ".";
            block.attnNorm = add(list, Parameter.zeros(p + "attn_norm.weight", 1, d, false));
            block.wq = add(list, Parameter.zeros(p + "attn_q.weight", d, d, true));
            block.wk = add(list, Parameter.zeros(p + "attn_k.weight", kv, d, true));
            block.wv = add(list, Parameter.zeros(p + "attn_v.weight", kv, d, true));
            block.wo = add(list, Parameter.zeros(p + "attn_output.weight", d, d, true));
            block.ffnNorm = add(list, Parameter.zeros(p + "ffn_norm.weight", 1, d, false));
            block.gate = add(list, Parameter.zeros(p + "ffn_gate.weight", f, d, true));
            block.up = add(list, Parameter.zeros(p + "ffn_up.weight", f, d, true));
            block.down = add(list, Parameter.zeros(p + "ffn_down.weight", d, f, true));
            blocks[l] = block;
        }
        outputNorm = add(list, Parameter.zeros("output_norm.weight", 1, d, false));
        output = config.tiedOutput() ? embedding
                : add(list, Parameter.zeros("output.weight", config.vocabSize(), d, true));
        parameters = Collections.unmodifiableList(list);
        Map<String, Parameter> names = new LinkedHashMap<>();
        for (Parameter parameter : list) {
            names.put(parameter.name(), parameter);
            if (parameter.rows() > 1 && (parameter != embedding || parameter == output)) {
                transposed.put(parameter, new float[parameter.size()]);
            }
        }
        byName = Collections.unmodifiableMap(names);
        rope = new RotaryEmbedding(config.contextLength(), config.headDim(), config.ropeBase());
    }

    private static Parameter add(List<Parameter> list, Parameter parameter) {
        list.add(parameter);
        return parameter;
    }

    public LlamaConfig config() {
        return config;
    }

    /** Parameters in GGUF tensor order: token_embd, blocks 0..L−1, output_norm, output (if untied). */
    public List<Parameter> parameters() {
        return parameters;
    }

    public Parameter parameter(String name) {
        Parameter parameter = byName.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return parameter;
    }

    /**
     * Deterministic initialisation from {@code seed}: norm gains 1; matrices normal(0, 0.02), with the two
     * residual-branch outputs ({@code attn_output}, {@code ffn_down}) scaled by {@code 1/sqrt(2·layers)} so the
     * residual stream's variance does not grow with depth (GPT-2's scheme). Each tensor draws from its own
     * split of one {@link SplittableRandom}, in tensor order.
     */
    public void initialise(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double residualStd = 0.02 / Math.sqrt(2.0 * config.layers());
        for (Parameter parameter : parameters) {
            SplittableRandom random = root.split();
            float[] value = parameter.value();
            if (!parameter.decays()) {
                Arrays.fill(value, 1f);
                continue;
            }
            boolean residual = parameter.name().endsWith("attn_output.weight")
                    || parameter.name().endsWith("ffn_down.weight");
            double std = residual ? residualStd : 0.02;
            for (int i = 0; i < value.length; i++) {
                value[i] = (float) (random.nextGaussian() * std);
            }
        }
    }

    /** Copies the values of {@code weights} (same configuration, whatever its name) into this model. */
    public void load(LlamaWeights weights) {
        if (!weights.config().withName(config.name()).equals(config)) {
            throw new IllegalArgumentException("weights configuration " + weights.config()
                    + " differs from the model's " + config);
        }
        for (Parameter parameter : parameters) {
            float[] source = weights.tensor(parameter.name()).data();
            System.arraycopy(source, 0, parameter.value(), 0, parameter.size());
        }
    }

    /** A copy of the current weights. */
    public LlamaWeights snapshot() {
        List<NamedTensor> tensors = new ArrayList<>();
        for (Parameter parameter : parameters) {
            tensors.add(new NamedTensor(parameter.name(), parameter.rows(), parameter.cols(),
                    parameter.value().clone()));
        }
        return new LlamaWeights(config, tensors);
    }

    public void zeroGradients() {
        for (Parameter parameter : parameters) {
            parameter.zeroGrad();
        }
    }

    /**
     * Mean next-token cross-entropy (nats) of {@code batch} sequences of {@code seqLen} tokens: row {@code t}
     * of {@code inputs} predicts {@code targets[t]}. With {@code backward} the gradients of that mean are
     * <em>added</em> to the parameters' gradient buffers.
     */
    public double lossAndGradients(Parallel parallel, int[] inputs, int[] targets, int batch, int seqLen,
            boolean backward) {
        if (seqLen > config.contextLength()) {
            throw new IllegalArgumentException("sequence length " + seqLen + " exceeds the context length "
                    + config.contextLength());
        }
        int rows = batch * seqLen;
        if (inputs.length < rows || targets.length < rows) {
            throw new IllegalArgumentException("need " + rows + " input and target tokens, got "
                    + inputs.length + " and " + targets.length);
        }
        Workspace w = prepare(batch, seqLen);
        forward(parallel, w, inputs);
        float scale = 1f / rows;
        float[] dLogits = backward ? w.dLogits : null;
        parallel.forRange(rows, 16, (from, to) -> Ops.softmaxCrossEntropy(w.logits, from, to, config.vocabSize(),
                targets, 0, dLogits, scale, w.rowLoss));
        double total = 0;
        for (int t = 0; t < rows; t++) {
            total += w.rowLoss[t];
        }
        if (backward) {
            backward(parallel, w, inputs);
        }
        return total / rows;
    }

    /**
     * Forward pass only: the logits of one sequence, {@code tokens.length × vocabSize} values row-major,
     * row {@code t} predicting the token after {@code tokens[t]} (what the inference runtime computes
     * position by position with its KV cache).
     */
    public float[] logits(Parallel parallel, int[] tokens) {
        if (tokens.length < 1 || tokens.length > config.contextLength()) {
            throw new IllegalArgumentException("sequence length " + tokens.length + " must be 1 to the context length "
                    + config.contextLength());
        }
        Workspace w = prepare(1, tokens.length);
        forward(parallel, w, tokens);
        return Arrays.copyOf(w.logits, tokens.length * config.vocabSize());
    }

    /** The workspace for {@code batch × seqLen} rows, with the transposed matrices refreshed from the weights. */
    private Workspace prepare(int batch, int seqLen) {
        if (workspace == null || workspace.batch != batch || workspace.seqLen != seqLen) {
            workspace = new Workspace(config, batch, seqLen);
        }
        for (Map.Entry<Parameter, float[]> entry : transposed.entrySet()) {
            Parameter p = entry.getKey();
            MatMul.transpose(p.value(), 0, p.rows(), p.cols(), entry.getValue(), 0);
        }
        return workspace;
    }

    /** Per-row losses of the last {@link #lossAndGradients} call ({@code batch·seqLen} values, nats). */
    public float[] lastRowLosses() {
        return workspace.rowLoss;
    }

    private void forward(Parallel parallel, Workspace w, int[] inputs) {
        int n = w.rows;
        int d = config.dim();
        int f = config.ffnDim();
        float eps = config.rmsEps();
        Ops.embeddingForward(embedding.value(), config.vocabSize(), d, inputs, 0, n, w.x[0]);
        for (int l = 0; l < blocks.length; l++) {
            Block b = blocks[l];
            LayerState s = w.layers[l];
            float[] x = w.x[l];
            parallel.forRange(n, 16, (from, to) ->
                    Ops.rmsNormForward(x, from, to, d, b.attnNorm.value(), eps, s.attnIn, s.invRms1));
            linear(parallel, s.attnIn, n, b.wq, s.q);
            linear(parallel, s.attnIn, n, b.wk, s.k);
            linear(parallel, s.attnIn, n, b.wv, s.v);
            parallel.forRange(n, 16, (from, to) -> {
                rope.rotate(s.q, from, to, w.seqLen, config.heads(), false);
                rope.rotate(s.k, from, to, w.seqLen, config.kvHeads(), false);
            });
            w.attention.forward(parallel, s.q, s.k, s.v, s.att, s.probs);
            linear(parallel, s.att, n, b.wo, s.h);
            add(s.h, x, n * d);
            parallel.forRange(n, 16, (from, to) ->
                    Ops.rmsNormForward(s.h, from, to, d, b.ffnNorm.value(), eps, s.ffnIn, s.invRms2));
            linear(parallel, s.ffnIn, n, b.gate, s.gate);
            linear(parallel, s.ffnIn, n, b.up, s.up);
            parallel.forRange(n * f, 4096, (from, to) -> Ops.swigluForward(s.gate, s.up, s.act, from, to));
            float[] next = w.x[l + 1];
            linear(parallel, s.act, n, b.down, next);
            add(next, s.h, n * d);
        }
        Ops.rmsNormForward(w.x[blocks.length], n, d, outputNorm.value(), eps, w.finalIn, w.invRmsFinal);
        linear(parallel, w.finalIn, n, output, w.logits);
    }

    private void backward(Parallel parallel, Workspace w, int[] inputs) {
        int n = w.rows;
        int d = config.dim();
        int f = config.ffnDim();
        float[] gx = w.gradX;
        Arrays.fill(w.gradFinal, 0f);
        linearBackward(parallel, w.finalIn, n, output, w.dLogits, w.gradFinal);
        Arrays.fill(gx, 0f);
        Ops.rmsNormBackward(w.x[blocks.length], n, d, outputNorm.value(), w.invRmsFinal, w.gradFinal, gx,
                outputNorm.grad());
        for (int l = blocks.length - 1; l >= 0; l--) {
            Block b = blocks[l];
            LayerState s = w.layers[l];
            // Feed-forward branch: gx is the gradient at the block output; it also flows straight to h.
            float[] gh = w.gradH;
            System.arraycopy(gx, 0, gh, 0, n * d);
            Arrays.fill(w.gradAct, 0f);
            linearBackward(parallel, s.act, n, b.down, gx, w.gradAct);
            Arrays.fill(w.gradGate, 0f);
            Arrays.fill(w.gradUp, 0f);
            parallel.forRange(n * f, 4096,
                    (from, to) -> Ops.swigluBackward(s.gate, s.up, w.gradAct, w.gradGate, w.gradUp, from, to));
            Arrays.fill(w.gradNormed, 0f);
            linearBackward(parallel, s.ffnIn, n, b.gate, w.gradGate, w.gradNormed);
            linearBackward(parallel, s.ffnIn, n, b.up, w.gradUp, w.gradNormed);
            Ops.rmsNormBackward(s.h, n, d, b.ffnNorm.value(), s.invRms2, w.gradNormed, gh, b.ffnNorm.grad());
            // Attention branch: gh is the gradient at h; it also flows straight to the block input.
            System.arraycopy(gh, 0, gx, 0, n * d);
            Arrays.fill(w.gradAtt, 0f);
            linearBackward(parallel, s.att, n, b.wo, gh, w.gradAtt);
            Arrays.fill(w.gradQ, 0f);
            Arrays.fill(w.gradK, 0f);
            Arrays.fill(w.gradV, 0f);
            w.attention.backward(parallel, s.q, s.k, s.v, s.probs, w.gradAtt, w.gradQ, w.gradK, w.gradV);
            parallel.forRange(n, 16, (from, to) -> {
                rope.rotate(w.gradQ, from, to, w.seqLen, config.heads(), true);
                rope.rotate(w.gradK, from, to, w.seqLen, config.kvHeads(), true);
            });
            Arrays.fill(w.gradNormed, 0f);
            linearBackward(parallel, s.attnIn, n, b.wq, w.gradQ, w.gradNormed);
            linearBackward(parallel, s.attnIn, n, b.wk, w.gradK, w.gradNormed);
            linearBackward(parallel, s.attnIn, n, b.wv, w.gradV, w.gradNormed);
            Ops.rmsNormBackward(w.x[l], n, d, b.attnNorm.value(), s.invRms1, w.gradNormed, gx, b.attnNorm.grad());
        }
        Ops.embeddingBackward(embedding.grad(), d, inputs, 0, n, gx);
    }

    /** {@code y = x · Wᵀ} for {@code rows} rows of x. */
    private void linear(Parallel parallel, float[] x, int rows, Parameter weight, float[] y) {
        MatMul.multiply(parallel, x, 0, transposed.get(weight), 0, y, 0, rows, weight.rows(), weight.cols(), false);
    }

    /** {@code dx += dy · W}, {@code dW += dyᵀ · x}. */
    private static void linearBackward(Parallel parallel, float[] x, int rows, Parameter weight,
            float[] dy, float[] dx) {
        int out = weight.rows();
        int in = weight.cols();
        MatMul.multiply(parallel, dy, 0, weight.value(), 0, dx, 0, rows, in, out, true);
        MatMul.multiplyTransposedA(parallel, dy, 0, out, x, 0, in, weight.grad(), 0, in, out, in, rows, true);
    }

    private static void add(float[] target, float[] source, int count) {
        for (int i = 0; i < count; i++) {
            target[i] += source[i];
        }
    }

    private static final class LayerState {
        final float[] attnIn;
        final float[] invRms1;
        final float[] q;
        final float[] k;
        final float[] v;
        final float[] probs;
        final float[] att;
        final float[] h;
        final float[] ffnIn;
        final float[] invRms2;
        final float[] gate;
        final float[] up;
        final float[] act;

        LayerState(LlamaConfig c, int rows, CausalAttention attention) {
            int d = c.dim();
            attnIn = new float[rows * d];
            invRms1 = new float[rows];
            q = new float[rows * d];
            k = new float[rows * c.kvDim()];
            v = new float[rows * c.kvDim()];
            probs = new float[attention.probabilityCount()];
            att = new float[rows * d];
            h = new float[rows * d];
            ffnIn = new float[rows * d];
            invRms2 = new float[rows];
            gate = new float[rows * c.ffnDim()];
            up = new float[rows * c.ffnDim()];
            act = new float[rows * c.ffnDim()];
        }
    }

    /** Activations kept for the backward pass and gradient scratch, sized for one batch shape. */
    private static final class Workspace {
        final int batch;
        final int seqLen;
        final int rows;
        final CausalAttention attention;
        final float[][] x;
        final LayerState[] layers;
        final float[] finalIn;
        final float[] invRmsFinal;
        final float[] logits;
        final float[] dLogits;
        final float[] rowLoss;
        final float[] gradX;
        final float[] gradH;
        final float[] gradFinal;
        final float[] gradAct;
        final float[] gradGate;
        final float[] gradUp;
        final float[] gradNormed;
        final float[] gradAtt;
        final float[] gradQ;
        final float[] gradK;
        final float[] gradV;

        Workspace(LlamaConfig c, int batch, int seqLen) {
            this.batch = batch;
            this.seqLen = seqLen;
            this.rows = batch * seqLen;
            int d = c.dim();
            int f = c.ffnDim();
            attention = new CausalAttention(batch, seqLen, c.heads(), c.kvHeads(), c.headDim());
            x = new float[c.layers() + 1][rows * d];
            layers = new LayerState[c.layers()];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = new LayerState(c, rows, attention);
            }
            finalIn = new float[rows * d];
            invRmsFinal = new float[rows];
            logits = new float[rows * c.vocabSize()];
            dLogits = new float[rows * c.vocabSize()];
            rowLoss = new float[rows];
            gradX = new float[rows * d];
            gradH = new float[rows * d];
            gradFinal = new float[rows * d];
            gradAct = new float[rows * f];
            gradGate = new float[rows * f];
            gradUp = new float[rows * f];
            gradNormed = new float[rows * d];
            gradAtt = new float[rows * d];
            gradQ = new float[rows * d];
            gradK = new float[rows * c.kvDim()];
            gradV = new float[rows * c.kvDim()];
        }
    }
}
