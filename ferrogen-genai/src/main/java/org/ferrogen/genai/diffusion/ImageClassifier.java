package org.ferrogen.genai.diffusion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufWriter;
import org.ferrogen.learn.nn.Layer;
import org.ferrogen.learn.nn.SoftmaxCrossEntropy;
import org.ferrogen.learn.optim.AdamW;

/**
 * FerroGen's own image classifier, a ReLU MLP trained with ferrogen-learn. It judges generated
 * images without the internet: its predictions give per-class coverage, and the activations of its
 * last hidden layer are the feature space of the Fréchet distance (the role Inception-v3 plays in
 * FID; Heusel et al., NeurIPS 2017).
 */
public final class ImageClassifier {
  public static final String ARCHITECTURE = "ferrogen-classifier";
  private static final String PREFIX = "classifier";

  private final Mlp mlp;

  private ImageClassifier(Mlp mlp) {
    if (mlp.widths().length < 3) {
      throw new IllegalArgumentException("the classifier needs a hidden layer for its features");
    }
    this.mlp = mlp;
  }

  public static ImageClassifier create(int pixels, int[] hidden, int classes, RandomGenerator init) {
    int[] widths = new int[hidden.length + 2];
    widths[0] = pixels;
    System.arraycopy(hidden, 0, widths, 1, hidden.length);
    widths[widths.length - 1] = classes;
    return new ImageClassifier(Mlp.create(PREFIX, widths, init));
  }

  public static ImageClassifier read(Path path) throws IOException {
    GgufFile file = GgufFile.open(path);
    String architecture = file.requireString("general.architecture");
    if (!ARCHITECTURE.equals(architecture)) {
      throw new IllegalArgumentException(path + ": general.architecture is '" + architecture + "', expected '"
          + ARCHITECTURE + "'");
    }
    return new ImageClassifier(Mlp.read(file, PREFIX));
  }

  public void write(OutputStream out) throws IOException {
    GgufWriter w = new GgufWriter();
    w.putString("general.architecture", ARCHITECTURE);
    w.putString("general.name", "FerroGen Fashion-MNIST feature classifier");
    mlp.write(w, PREFIX);
    w.write(out);
  }

  public int pixels() {
    return mlp.inputWidth();
  }

  public int classes() {
    return mlp.outputWidth();
  }

  /** Width of the feature vector (the last hidden layer). */
  public int featureWidth() {
    int[] w = mlp.widths();
    return w[w.length - 2];
  }

  /**
   * Mini-batch training with AdamW and softmax cross-entropy, shuffling every epoch.
   *
   * @param progress receives 1 per epoch
   * @return the mean training loss of the last epoch
   */
  public double train(float[] images, int[] labels, int epochs, int batch, float learningRate, RandomGenerator random,
      LongConsumer progress) {
    int n = labels.length;
    int pixels = pixels();
    AdamW optimiser = new AdamW(mlp.network().parameters(), 0.9f, 0.999f, 1e-8f, 0f);
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(classes());
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    float[] x = new float[batch * pixels];
    int[] y = new int[batch];
    double last = Double.NaN;
    for (int e = 0; e < epochs; e++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double total = 0;
      int batches = 0;
      for (int start = 0; start < n; start += batch) {
        int rows = Math.min(batch, n - start);
        for (int r = 0; r < rows; r++) {
          System.arraycopy(images, order[start + r] * pixels, x, r * pixels, pixels);
          y[r] = labels[order[start + r]];
        }
        mlp.network().zeroGradients();
        float[] logits = mlp.network().forward(x, rows);
        total += loss.loss(logits, rows, y);
        mlp.network().backward(loss.gradient());
        optimiser.step(learningRate);
        batches++;
      }
      last = total / batches;
      progress.accept(1);
    }
    return last;
  }

  /** The most likely class of each image. */
  public int[] predict(float[] images) {
    int n = images.length / pixels();
    float[] logits = mlp.network().forward(images, n);
    int classes = classes();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[i * classes + c] > logits[i * classes + best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** Fraction of images whose predicted class is their label. */
  public double accuracy(float[] images, int[] labels) {
    int[] predicted = predict(images);
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += predicted[i] == labels[i] ? 1 : 0;
    }
    return right / (double) labels.length;
  }

  /** Activations of the last hidden layer, {@code n × featureWidth()} (a copy). */
  public float[] features(float[] images) {
    int n = images.length / pixels();
    List<Layer> layers = mlp.network().layers();
    float[] x = images;
    for (Layer layer : layers.subList(0, layers.size() - 1)) {
      x = layer.forward(x, n);
    }
    return java.util.Arrays.copyOf(x, n * featureWidth());
  }
}
