package org.ferrogen.learn.onchip;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.chip.SynapseRegion;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.learn.data.ImageDataset;
import org.ferrogen.learn.nn.Layer;
import org.ferrogen.learn.nn.LayerNorm;
import org.ferrogen.learn.nn.Linear;
import org.ferrogen.learn.nn.Relu;
import org.ferrogen.learn.nn.Sequential;
import org.ferrogen.learn.nn.SoftmaxCrossEntropy;
import org.ferrogen.learn.optim.Sgd;

/**
 * Online training (batch of one, no momentum) of the layer-norm + ReLU MLP of Martemucci et al.
 * (Nature Electronics 8, 921, 2025): {@code Linear → LayerNorm → ReLU} per hidden layer, a last
 * {@code Linear}, softmax cross-entropy. The linear layers' weights are stored per {@link Scheme};
 * the layer norms' gains and biases stay digital and follow plain SGD at the same learning rate
 * (ASSUMPTION: the paper does not say where they live). Every random choice derives from the
 * configured seed by splitting.
 */
public final class OnChipTrainer {

  /** Samples between progress reports. */
  private static final int PROGRESS_EVERY = 500;
  private static final float LAYER_NORM_EPS = 1e-5f;

  private final Sequential network;
  private final List<AnalogLinear> analog = new ArrayList<>();
  private final List<SynapticMatrix> matrices = new ArrayList<>();
  private final Sgd sgd;
  private final SoftmaxCrossEntropy loss;
  private final OnChipConfig config;
  private final int[] sizes;
  private final SplittableRandom order;

  /** Stream coordinates of the trainer's own randomness (initial weights, sample order). */
  static final long INITIAL_WEIGHTS = 0x1417_0001L;
  static final long SAMPLE_ORDER = 0x0D3E_0001L;

  /**
   * Weights on a chip's synapse region: each layer's matrix is allocated there (capacity checked,
   * its own stream seed), and its reads and programming go into the chip's ledger.
   *
   * @param sizes layer widths, input first
   * @param region where the weights live (unused for {@link Scheme#FLOAT}; may then be null)
   * @param devices the region's device physics (may be null for {@link Scheme#FLOAT})
   */
  public OnChipTrainer(int[] sizes, OnChipConfig config, SynapseRegion region, Devices devices) {
    this(sizes, config, devices, region);
  }

  /** Weights on free-standing arrays (tests, benchmarks): seeds derive from the run's seed. */
  public OnChipTrainer(int[] sizes, OnChipConfig config, Devices devices) {
    this(sizes, config, devices, null);
  }

  private OnChipTrainer(int[] sizes, OnChipConfig config, Devices devices, SynapseRegion region) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a network needs at least an input and an output width");
    }
    for (int s : sizes) {
      if (s < 1) {
        throw new IllegalArgumentException("layer widths must be >= 1, got " + java.util.Arrays.toString(sizes));
      }
    }
    this.config = config;
    this.sizes = sizes.clone();
    if (config.scheme() != Scheme.FLOAT && devices == null) {
      throw new IllegalArgumentException("scheme " + config.scheme() + " needs device physics");
    }
    this.order = new SplittableRandom(StreamSeeds.derive(config.seed(), SAMPLE_ORDER));
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l + 1 < sizes.length; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      SplittableRandom layerInit = new SplittableRandom(StreamSeeds.derive(config.seed(), INITIAL_WEIGHTS, l));
      String name = "fc" + (l + 1);
      if (config.scheme() == Scheme.FLOAT) {
        layers.add(new Linear(name, in, out, false).initialiseHe(layerInit));
      } else {
        float range = (float) (config.weightRange() * Math.sqrt(2.0 / in));
        float[] w = new float[in * out];
        double std = Math.sqrt(2.0 / in);
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) Math.max(-range, Math.min(range, layerInit.nextGaussian() * std));
        }
        long layerHardware = region != null
            ? region.allocate(name, out, in)
            : StreamSeeds.derive(config.seed(), StreamSeeds.MATRIX, l);
        SynapticMatrix m = switch (config.scheme()) {
          case QUANTIZED -> new HybridMatrix(out, in, w, range, devices, config, true, layerHardware);
          case HYBRID -> new HybridMatrix(out, in, w, range, devices, config, false, layerHardware);
          case ANALOG_SGD -> new PulsedMatrix(out, in, w, range, devices, config, false, layerHardware);
          case MIXED_PRECISION -> new PulsedMatrix(out, in, w, range, devices, config, true, layerHardware);
          case FLOAT -> throw new AssertionError();
        };
        if (region != null) {
          region.track(m.reads());
        }
        AnalogLinear layer = new AnalogLinear(m);
        analog.add(layer);
        matrices.add(m);
        layers.add(layer);
      }
      if (l + 2 < sizes.length) {
        layers.add(new LayerNorm("ln" + (l + 1), out, LAYER_NORM_EPS));
        layers.add(new Relu(out));
      }
    }
    network = new Sequential(layers);
    sgd = Sgd.plain(network.parameters());
    loss = new SoftmaxCrossEntropy(sizes[sizes.length - 1]);
  }

  public Sequential network() {
    return network;
  }

  public List<SynapticMatrix> matrices() {
    return List.copyOf(matrices);
  }

  /** Trains {@code epochs} epochs on {@code train}, evaluating on {@code test} after each. */
  public OnChipResult train(ImageDataset train, ImageDataset test, int epochs, TrainingListener listener) {
    if (train.pixels() != sizes[0]) {
      throw new IllegalArgumentException(
          train.name() + ": images have " + train.pixels() + " pixels, the network's input is " + sizes[0]);
    }
    if (train.classes() > sizes[sizes.length - 1]) {
      throw new IllegalArgumentException(
          train.name() + ": " + train.classes() + " classes, the network has " + sizes[sizes.length - 1] + " outputs");
    }
    long start = System.nanoTime();
    int n = train.count();
    long total = (long) n * epochs;
    float[] x = new float[sizes[0]];
    int[] label = new int[1];
    int[] permutation = new int[n];
    List<EpochResult> results = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      long epochStart = System.nanoTime();
      OnChipTrainer.shuffle(permutation, order);
      int correct = 0;
      double lossSum = 0;
      for (int s = 0; s < n; s++) {
        int item = permutation[s];
        train.image(item, x);
        label[0] = train.label(item);
        network.zeroGradients();
        float[] logits = network.forward(x, 1);
        if (loss.predict(logits, 0) == label[0]) {
          correct++;
        }
        lossSum += loss.loss(logits, 1, label);
        network.backward(loss.gradient());
        float lr = config.learningRateAt((long) (e - 1) * n + s, total);
        sgd.step(lr);
        for (AnalogLinear layer : analog) {
          layer.applyUpdate(lr / config.learningRate());
        }
        if ((s + 1) % PROGRESS_EVERY == 0 || s + 1 == n) {
          listener.progress((long) (e - 1) * n + s + 1, total, correct / (double) (s + 1));
        }
      }
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      EpochResult r = new EpochResult(e, correct / (double) n, accuracy(test), lossSum / n, seconds, wear());
      results.add(r);
      listener.epoch(r);
    }
    return new OnChipResult(config, sizes.clone(), n, List.copyOf(results), wear(), reads(),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * Fills {@code permutation} with a uniformly random order of 0..length−1 (Fisher-Yates, drawing
   * from {@code order}): the order in which an epoch of online training visits its examples.
   */
  static void shuffle(int[] permutation, SplittableRandom order) {
    int n = permutation.length;
    for (int i = 0; i < n; i++) {
      permutation[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = order.nextInt(i + 1);
      int t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
  }

  /** Fraction of {@code data} classified right (reads go through the arrays, noise included). */
  public double accuracy(ImageDataset data) {
    float[] x = new float[sizes[0]];
    int correct = 0;
    for (int i = 0; i < data.count(); i++) {
      data.image(i, x);
      if (loss.predict(network.forward(x, 1), 0) == data.label(i)) {
        correct++;
      }
    }
    return correct / (double) data.count();
  }

  /** Writes and programming energy of all arrays so far. */
  public Wear wear() {
    Wear w = Wear.none();
    for (SynapticMatrix m : matrices) {
      w = w.plus(m.wear());
    }
    return w;
  }

  /** The arrays' ledgers, summed. */
  public CostReport reads() {
    CostReport r = CostReport.zero();
    for (SynapticMatrix m : matrices) {
      r = r.plus(m.reads().ledger().snapshot());
    }
    return r;
  }
}
