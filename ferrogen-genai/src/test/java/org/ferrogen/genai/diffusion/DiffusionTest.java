package org.ferrogen.genai.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.ferrogen.learn.data.ImageDataset;
import org.ferrogen.trng.NoiseSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DDPM's pieces on small synthetic data; seeds are fixed, so every assertion is deterministic. */
class DiffusionTest {
  @TempDir Path dir;

  @Test
  void linearScheduleFollowsHoEtAlRescaled() {
    NoiseSchedule s = NoiseSchedule.linear(1000);
    assertThat(s.beta(0)).isCloseTo(1e-4, within(1e-15));
    assertThat(s.beta(999)).isCloseTo(0.02, within(1e-15));
    // Ho et al.'s schedule ends with alpha-bar ≈ 4e-5: the last step is almost pure noise.
    assertThat(s.alphaBar(999)).isBetween(1e-5, 1e-4);
    NoiseSchedule short200 = NoiseSchedule.linear(200);
    assertThat(short200.beta(199)).isCloseTo(0.1, within(1e-12));
    assertThat(short200.alphaBar(199)).isLessThan(1e-4);
    assertThatThrownBy(() -> NoiseSchedule.linear(1)).hasMessageContaining("2..10000");
  }

  @Test
  void frechetDistanceIsZeroForOneSetAndTheMeanShiftForATranslatedOne() {
    RandomGenerator r = NoiseSeed.fromSeed(1);
    int n = 500;
    int width = 3;
    float[] a = new float[n * width];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextGaussian();
    }
    assertThat(FrechetDistance.between(a, a, width)).isCloseTo(0, within(1e-6));
    float[] shifted = a.clone();
    for (int i = 0; i < n; i++) {
      shifted[i * width] += 2;
    }
    // Same covariance, means 2 apart on one axis: d² = 4.
    assertThat(FrechetDistance.between(a, shifted, width)).isCloseTo(4, within(1e-6));
    float[] scaled = a.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 2;
    }
    // Covariance C and 4C: Tr(C + 4C − 2·2C) = Tr(C) ≈ 3 for unit normals (± sampling error).
    assertThat(FrechetDistance.between(a, scaled, width)).isCloseTo(3, within(0.4));
  }

  @Test
  void nonFiniteFeaturesAreRefusedByName() {
    float[] a = new float[] {0, 1, 2, 3, 4, 5};
    float[] b = a.clone();
    b[3] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> FrechetDistance.between(a, b, 2))
        .isInstanceOf(FrechetDistance.NonFiniteFeaturesException.class).hasMessageContaining("not finite");
  }

  @Test
  void modelsRoundTripThroughGguf() throws Exception {
    DiffusionModel model = DiffusionModel.create(4, 8, 20, new int[] {16}, NoiseSeed.fromSeed(2));
    Path file = dir.resolve("ddpm.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      model.write(out);
    }
    DiffusionModel back = DiffusionModel.read(file);
    assertThat(back.side()).isEqualTo(4);
    assertThat(back.schedule().steps()).isEqualTo(20);
    assertThat(back.denoiser().widths()).containsExactly(24, 16, 16);
    for (int i = 0; i < model.denoiser().linears().size(); i++) {
      assertThat(back.denoiser().linears().get(i).weight().value())
          .containsExactly(model.denoiser().linears().get(i).weight().value());
    }
    ImageClassifier c = ImageClassifier.create(16, new int[] {8}, 3, NoiseSeed.fromSeed(3));
    Path cf = dir.resolve("c.gguf");
    try (OutputStream out = Files.newOutputStream(cf)) {
      c.write(out);
    }
    assertThat(ImageClassifier.read(cf).featureWidth()).isEqualTo(8);
    assertThatThrownBy(() -> DiffusionModel.read(cf)).hasMessageContaining("ferrogen-ddpm");
  }

  @Test
  void trainingLowersTheLossAndSamplingStaysInRange() {
    // Two 4x4 "images": a bright top half and a bright left half.
    int pixels = 16;
    float[] images = new float[2 * pixels];
    for (int p = 0; p < pixels; p++) {
      images[p] = p < 8 ? 1 : -1;
      images[pixels + p] = p % 4 < 2 ? 1 : -1;
    }
    DiffusionModel model = DiffusionModel.create(4, 8, 50, new int[] {64, 64}, NoiseSeed.fromSeed(4));
    double[] curve = new DiffusionTraining(1500, 32, 2e-3f).train(model, images, NoiseSeed.fromSeed(5), n -> {});
    assertThat(curve[9]).isLessThan(0.9 * curve[0]);
    float[] samples = DiffusionSampling.sample(model, DenoiserBackend.exact(model.denoiser()), 64,
        NoiseSeed.fromSeed(6), n -> {});
    // Every sample lies close to one of the two training images (mean absolute pixel error < 0.5).
    int close = 0;
    for (int s = 0; s < 64; s++) {
      double best = Double.MAX_VALUE;
      for (int k = 0; k < 2; k++) {
        double e = 0;
        for (int p = 0; p < pixels; p++) {
          e += Math.abs(samples[s * pixels + p] - images[k * pixels + p]);
        }
        best = Math.min(best, e / pixels);
      }
      close += best < 0.5 ? 1 : 0;
    }
    assertThat(close).isGreaterThanOrEqualTo(56);
    for (float v : samples) {
      assertThat(v).isBetween(-1f, 1f);
    }
  }

  @Test
  void imagesAreAveragedAndScaled() {
    byte[] pixels = new byte[16];
    pixels[0] = (byte) 255;
    pixels[1] = (byte) 255;
    pixels[4] = (byte) 255;
    pixels[5] = (byte) 255;
    ImageDataset one = new ImageDataset("t", 16, 2, pixels, new byte[] {1});
    float[] small = DiffusionImages.prepare(one, 2);
    assertThat(small).containsExactly(1f, -1f, -1f, -1f);
    assertThatThrownBy(() -> DiffusionImages.prepare(one, 3)).hasMessageContaining("divisible");
  }
}
