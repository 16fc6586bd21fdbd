package org.ferrogen.genai.diffusion;

import org.ferrogen.learn.data.ImageDataset;

/** Square greyscale images prepared for a diffusion model or its classifier. */
public final class DiffusionImages {
  private DiffusionImages() {}

  /**
   * The images of {@code data} averaged over {@code factor × factor} blocks (28 → 14 for factor 2,
   * which quarters the work of every layer) and scaled from [0, 255] to [−1, 1].
   */
  public static float[] prepare(ImageDataset data, int factor) {
    int side = (int) Math.round(Math.sqrt(data.pixels()));
    if (side * side != data.pixels() || factor < 1 || side % factor != 0) {
      throw new IllegalArgumentException(data.name() + ": images of " + data.pixels()
          + " pixels are not square with a side divisible by " + factor);
    }
    int small = side / factor;
    int pixels = small * small;
    float[] out = new float[data.count() * pixels];
    float[] image = new float[data.pixels()];
    float norm = 1f / (factor * factor);
    for (int i = 0; i < data.count(); i++) {
      data.image(i, image);
      for (int y = 0; y < small; y++) {
        for (int x = 0; x < small; x++) {
          float sum = 0;
          for (int dy = 0; dy < factor; dy++) {
            for (int dx = 0; dx < factor; dx++) {
              sum += image[(y * factor + dy) * side + x * factor + dx];
            }
          }
          out[i * pixels + y * small + x] = 2 * sum * norm - 1;
        }
      }
    }
    return out;
  }
}
