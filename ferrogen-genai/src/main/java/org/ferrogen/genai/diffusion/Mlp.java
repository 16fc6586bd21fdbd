package org.ferrogen.genai.diffusion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.genai.gguf.GgufWriter;
import org.ferrogen.learn.nn.Layer;
import org.ferrogen.learn.nn.Linear;
import org.ferrogen.learn.nn.Relu;
import org.ferrogen.learn.nn.Sequential;

/**
 * A ReLU multilayer perceptron built from ferrogen-learn's layers (Linear, ReLU, …, Linear), stored in
 * GGUF as tensors {@code PREFIX.N.weight} ({@code out × in}) and {@code PREFIX.N.bias} with the layer
 * widths under {@code PREFIX.widths}, so that the diffusion model and its classifier are ordinary
 * GGUF files that {@code ferrogen gguf info} can read.
 */
public final class Mlp {
  private final int[] widths;
  private final Sequential network;
  private final List<Linear> linears;

  private Mlp(int[] widths, Sequential network, List<Linear> linears) {
    this.widths = widths;
    this.network = network;
    this.linears = linears;
  }

  /** A He-initialised MLP with the given widths (input, hidden…, output). */
  public static Mlp create(String name, int[] widths, RandomGenerator random) {
    if (widths.length < 2) {
      throw new IllegalArgumentException(name + ": an MLP needs at least input and output widths");
    }
    List<Layer> layers = new ArrayList<>();
    List<Linear> linears = new ArrayList<>();
    for (int i = 0; i + 1 < widths.length; i++) {
      if (widths[i] < 1 || widths[i + 1] < 1) {
        throw new IllegalArgumentException(name + ": layer widths must be >= 1, got " + Arrays.toString(widths));
      }
      Linear linear = new Linear(name + "." + i, widths[i], widths[i + 1], true).initialiseHe(random);
      layers.add(linear);
      linears.add(linear);
      if (i + 2 < widths.length) {
        layers.add(new Relu(widths[i + 1]));
      }
    }
    return new Mlp(widths.clone(), new Sequential(layers), List.copyOf(linears));
  }

  /** Reads the MLP stored under {@code prefix} in a GGUF file. */
  public static Mlp read(GgufFile file, String prefix) {
    String key = prefix + ".widths";
    String text = file.requireString(key);
    int[] widths;
    try {
      widths = Arrays.stream(text.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file.path() + ": " + key + " must be comma-separated widths, got '" + text + "'");
    }
    for (int w : widths) {
      if (w < 1 || w > 1 << 16) {
        throw new IllegalArgumentException(file.path() + ": " + key + " has width " + w + ", outside 1..65536");
      }
    }
    Mlp mlp = create(prefix, widths, java.util.random.RandomGenerator.of("L64X128MixRandom"));
    for (int i = 0; i < mlp.linears.size(); i++) {
      Linear linear = mlp.linears.get(i);
      copy(file, prefix + "." + i + ".weight", linear.weight().value(), widths[i + 1], widths[i]);
      copy(file, prefix + "." + i + ".bias", linear.bias().value(), widths[i + 1], 1);
    }
    return mlp;
  }

  private static void copy(GgufFile file, String name, float[] into, int rows, int cols) {
    GgufTensor t = file.requireTensor(name);
    if (t.elementCount() != (long) rows * cols) {
      throw new IllegalArgumentException(file.path() + ": tensor " + name + " has " + t.elementCount()
          + " elements, the widths need " + (long) rows * cols);
    }
    System.arraycopy(t.toFloats(), 0, into, 0, into.length);
  }

  /** Adds this MLP's tensors and widths to a GGUF writer (F32: the models are small). */
  public void write(GgufWriter writer, String prefix) {
    writer.putString(prefix + ".widths", String.join(",", Arrays.stream(widths).mapToObj(Integer::toString).toList()));
    for (int i = 0; i < linears.size(); i++) {
      Linear linear = linears.get(i);
      writer.addTensor(prefix + "." + i + ".weight", GgmlType.F32, new long[] {widths[i], widths[i + 1]},
          linear.weight().value());
      writer.addTensor(prefix + "." + i + ".bias", GgmlType.F32, new long[] {widths[i + 1]}, linear.bias().value());
    }
  }

  public int[] widths() {
    return widths.clone();
  }

  public int inputWidth() {
    return widths[0];
  }

  public int outputWidth() {
    return widths[widths.length - 1];
  }

  /** The trainable network. */
  public Sequential network() {
    return network;
  }

  /** The linear layers in order (weights {@code out × in}, row-major). */
  public List<Linear> linears() {
    return linears;
  }
}
