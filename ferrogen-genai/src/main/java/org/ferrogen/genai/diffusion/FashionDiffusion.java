package org.ferrogen.genai.diffusion;

import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.ferrogen.learn.data.ImageDataset;

/**
 * The shipped Fashion-MNIST diffusion recipe: images averaged to 14 × 14, a 200-step DDPM with a
 * 228-384-384-384-196 ε-predictor, and a 196-256-128-10 feature classifier, both trained by
 * FerroGen's own code ({@code ferrogen train-diffusion}); and the quality figures of a batch of
 * samples. The sizes are ours, chosen so that training fits minutes on two cores.
 */
public final class FashionDiffusion {
  public static final int DOWNSAMPLE = 2;
  public static final int SIDE = 28 / DOWNSAMPLE;
  public static final int EMBEDDING_WIDTH = 32;
  public static final int DIFFUSION_STEPS = 200;
  public static final int[] DENOISER_HIDDEN = {384, 384, 384};
  public static final int[] CLASSIFIER_HIDDEN = {256, 128};
  public static final int BATCH = 128;
  public static final float LEARNING_RATE = 1e-3f;
  public static final int CLASSIFIER_EPOCHS = 20;
  /** A class counts as covered when it receives at least a fifth of its uniform share of samples. */
  public static final double COVERAGE_SHARE = 0.2;

  private FashionDiffusion() {}

  public static DiffusionModel newModel(RandomGenerator init) {
    return DiffusionModel.create(SIDE, EMBEDDING_WIDTH, DIFFUSION_STEPS, DENOISER_HIDDEN, init);
  }

  public static ImageClassifier trainClassifier(ImageDataset train, RandomGenerator random, LongConsumer progress) {
    ImageClassifier c = ImageClassifier.create(SIDE * SIDE, CLASSIFIER_HIDDEN, train.classes(), random);
    c.train(DiffusionImages.prepare(train, DOWNSAMPLE), labels(train), CLASSIFIER_EPOCHS, 64, LEARNING_RATE, random,
        progress);
    return c;
  }

  public static int[] labels(ImageDataset data) {
    int[] y = new int[data.count()];
    for (int i = 0; i < y.length; i++) {
      y[i] = data.label(i);
    }
    return y;
  }

  /**
   * @param frechetDistance Fréchet distance to the reference images in the classifier's feature space
   * @param classCounts samples the classifier assigns to each class
   * @param coveredClasses classes with at least {@link #COVERAGE_SHARE} of their uniform share
   */
  public record Quality(double frechetDistance, int[] classCounts, int coveredClasses) {}

  /** Quality of {@code images} (values in [−1, 1]) against {@code reference} images. */
  public static Quality quality(ImageClassifier classifier, float[] images, float[] reference) {
    int width = classifier.featureWidth();
    double fd = FrechetDistance.between(classifier.features(images), classifier.features(reference), width);
    int[] counts = new int[classifier.classes()];
    int[] predicted = classifier.predict(images);
    for (int c : predicted) {
      counts[c]++;
    }
    int covered = 0;
    double threshold = COVERAGE_SHARE * predicted.length / counts.length;
    for (int n : counts) {
      covered += n >= threshold ? 1 : 0;
    }
    return new Quality(fd, counts, covered);
  }
}
