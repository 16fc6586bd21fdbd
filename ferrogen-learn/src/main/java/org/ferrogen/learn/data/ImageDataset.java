package org.ferrogen.learn.data;

/**
 * Labelled images for classification: {@code count} items of {@code pixels} unsigned bytes each and
 * one class label per item.
 *
 * @param name where the data came from (a folder, or the bundled subset)
 * @param pixels pixels per image
 * @param classes number of classes (labels are 0 … classes − 1)
 * @param images {@code count × pixels} unsigned bytes, row-major
 * @param labels one label per image
 */
public record ImageDataset(String name, int pixels, int classes, byte[] images, byte[] labels) {

  public ImageDataset {
    if (pixels < 1 || images.length != labels.length * pixels) {
      throw new IllegalArgumentException(
          name + ": " + images.length + " pixel bytes do not make " + labels.length + " images of " + pixels);
    }
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i] & 0xFF;
      if (label >= classes) {
        throw new IllegalArgumentException(
            name + ": label " + i + " is " + label + ", outside 0.." + (classes - 1));
      }
    }
  }

  public int count() {
    return labels.length;
  }

  public int label(int item) {
    return labels[item] & 0xFF;
  }

  /** Writes image {@code item} scaled to [0, 1] (pixel / 255) into {@code out}. */
  public void image(int item, float[] out) {
    int base = item * pixels;
    for (int p = 0; p < pixels; p++) {
      out[p] = (images[base + p] & 0xFF) * (1f / 255f);
    }
  }

  /** The first {@code n} items. */
  public ImageDataset head(int n) {
    if (n >= count()) {
      return this;
    }
    byte[] im = java.util.Arrays.copyOf(images, n * pixels);
    byte[] lb = java.util.Arrays.copyOf(labels, n);
    return new ImageDataset(name + " (first " + n + ")", pixels, classes, im, lb);
  }
}
