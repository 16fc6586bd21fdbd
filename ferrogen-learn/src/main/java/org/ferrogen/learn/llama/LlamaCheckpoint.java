package org.ferrogen.learn.llama;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal checkpoint format for {@link LlamaWeights} (weights only, no optimiser state). All numbers are
 * big-endian (Java {@code DataOutput}):
 * <pre>
 *   bytes   "FGLM"                      magic
 *   int     2                           format version (1: the same without the name)
 *   int ×7  vocabSize, dim, layers, heads, kvHeads, ffnDim, contextLength
 *   float×2 ropeBase, rmsEps
 *   byte    tiedOutput (0 or 1)
 *   UTF     model name (version 2 on)
 *   int     tensor count
 *   per tensor: UTF name (DataOutput.writeUTF), int rows, int cols, rows·cols floats
 * </pre>
 * Reading checks every field and that the tensors are exactly those of the configuration.
 */
public final class LlamaCheckpoint {

    private static final int MAGIC = 0x46474C4D; // "FGLM"
    private static final int VERSION = 2;
    /** The name a version-1 checkpoint, which stored none, reads with. */
    static final String UNNAMED = "checkpoint";

    private LlamaCheckpoint() {
    }

    public static void write(LlamaWeights weights, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        LlamaConfig c = weights.config();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        for (int value : new int[] {c.vocabSize(), c.dim(), c.layers(), c.heads(), c.kvHeads(), c.ffnDim(),
                c.contextLength()}) {
            out.writeInt(value);
        }
        out.writeFloat(c.ropeBase());
        out.writeFloat(c.rmsEps());
        out.writeByte(c.tiedOutput() ? 1 : 0);
        out.writeUTF(c.name());
        out.writeInt(weights.tensors().size());
        for (NamedTensor tensor : weights.tensors()) {
            out.writeUTF(tensor.name());
            out.writeInt(tensor.rows());
            out.writeInt(tensor.cols());
            ByteBuffer buffer = ByteBuffer.allocate(tensor.data().length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
            buffer.asFloatBuffer().put(tensor.data());
            out.write(buffer.array());
        }
        out.flush();
    }

    public static LlamaWeights read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("not a FerroGen Llama checkpoint: magic 0x" + Integer.toHexString(magic));
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new IOException("unsupported checkpoint version " + version + " (this build reads 1 and " + VERSION + ")");
            }
            LlamaConfig config;
            try {
                int vocabSize = in.readInt();
                int dim = in.readInt();
                int layers = in.readInt();
                int heads = in.readInt();
                int kvHeads = in.readInt();
                int ffnDim = in.readInt();
                int contextLength = in.readInt();
                float ropeBase = in.readFloat();
                float rmsEps = in.readFloat();
                boolean tied = in.readByte() != 0;
                String name = version >= 2 ? in.readUTF() : UNNAMED;
                config = new LlamaConfig(name, contextLength, dim, layers, ffnDim, heads, kvHeads, vocabSize,
                        ropeBase, rmsEps, tied);
            } catch (IllegalArgumentException e) {
                throw new IOException("checkpoint configuration is invalid: " + e.getMessage(), e);
            }
            List<org.ferrogen.learn.Parameter> expected = new LlamaModel(config).parameters();
            int count = in.readInt();
            if (count != expected.size()) {
                throw new IOException("checkpoint has " + count + " tensors; configuration needs " + expected.size());
            }
            List<NamedTensor> tensors = new ArrayList<>(count);
            for (org.ferrogen.learn.Parameter parameter : expected) {
                String name = in.readUTF();
                int rows = in.readInt();
                int cols = in.readInt();
                if (!name.equals(parameter.name()) || rows != parameter.rows() || cols != parameter.cols()) {
                    throw new IOException("checkpoint tensor " + name + " " + rows + "×" + cols + " where "
                            + parameter.name() + " " + parameter.rows() + "×" + parameter.cols() + " was expected");
                }
                byte[] bytes = new byte[rows * cols * Float.BYTES];
                in.readFully(bytes);
                float[] data = new float[rows * cols];
                ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(data);
                tensors.add(new NamedTensor(name, rows, cols, data));
            }
            return new LlamaWeights(config, tensors);
        } catch (EOFException e) {
            throw new IOException("checkpoint is truncated", e);
        }
    }
}
