package org.ferrogen.learn.llama;

/**
 * A named float tensor, row-major {@code rows × cols} (GGUF dimensions {@code [cols, rows]}; vectors have
 * one row).
 */
public record NamedTensor(String name, int rows, int cols, float[] data) {

    public NamedTensor {
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("tensor " + name + " has " + data.length + " values, expected "
                    + rows + "×" + cols);
        }
    }
}
