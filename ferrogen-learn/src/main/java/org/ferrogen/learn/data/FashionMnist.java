package org.ferrogen.learn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, arXiv:1708.07747, 2017; MIT licence, Zalando SE): 60,000
 * training and 10,000 test images of 28 × 28 grey pixels in 10 clothing classes, in the IDX files
 * of LeCun's MNIST. Found in three places: Debian's {@code dataset-fashion-mnist} package
 * ({@value #DEBIAN_FOLDER}), any folder holding the four IDX files (plain or gzip), or the subset
 * bundled with FerroGen (the first 8,000 training and 2,000 test images) so that a fresh clone can
 * train with nothing installed.
 */
public final class FashionMnist {

  /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
  public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
  /** Name of the full data set ({@code --dataset fashion-mnist}). */
  public static final String FULL = "fashion-mnist";
  /** Name of the bundled subset ({@code --dataset fashion-mnist-subset}). */
  public static final String SUBSET = "fashion-mnist-subset";

  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
  private static final String RESOURCE = "/org/ferrogen/learn/data/fashion-mnist-subset/";
  private static final int CLASSES = 10;

  /** The ten class names, in label order. */
  public static final java.util.List<String> CLASS_NAMES = java.util.List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private FashionMnist() {}

  /** Training and test splits. */
  public record Splits(ImageDataset train, ImageDataset test) {}

  /**
   * Loads {@code spec}: {@value #FULL} (the Debian package's folder), {@value #SUBSET} (the bundled
   * subset), or a folder of IDX files. Errors say what to install or what is wrong.
   */
  public static Splits load(String spec) throws IOException {
    if (SUBSET.equals(spec)) {
      return bundledSubset();
    }
    if (FULL.equals(spec)) {
      Path folder = Path.of(DEBIAN_FOLDER);
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException(
            "Fashion-MNIST is not installed (" + DEBIAN_FOLDER + " does not exist): install it with"
                + " `apt-get install dataset-fashion-mnist`, give a folder of IDX files with --dataset DIR,"
                + " or train on the bundled subset with --dataset " + SUBSET);
      }
      return fromFolder(folder);
    }
    Path folder = Path.of(spec);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "--dataset " + spec + ": not a folder and not one of " + FULL + ", " + SUBSET
              + " (a folder must hold " + TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES + " and "
              + TEST_LABELS + ", each optionally .gz)");
    }
    return fromFolder(folder);
  }

  /** The four IDX files of a folder (each plain or .gz). */
  public static Splits fromFolder(Path folder) throws IOException {
    ImageDataset train = pair(folder, TRAIN_IMAGES, TRAIN_LABELS, folder + " (train)");
    ImageDataset test = pair(folder, TEST_IMAGES, TEST_LABELS, folder + " (test)");
    return new Splits(train, test);
  }

  /** The subset shipped in FerroGen's jar: 8,000 training and 2,000 test images. */
  public static Splits bundledSubset() throws IOException {
    return new Splits(
        fromResources(TRAIN_IMAGES, TRAIN_LABELS, SUBSET + " (train)"),
        fromResources(TEST_IMAGES, TEST_LABELS, SUBSET + " (test)"));
  }

  private static ImageDataset pair(Path folder, String images, String labels, String name) throws IOException {
    Path im = find(folder, images);
    Path lb = find(folder, labels);
    return combine(IdxFile.read(im), IdxFile.read(lb), im.toString(), lb.toString(), name);
  }

  private static Path find(Path folder, String base) {
    for (String candidate : new String[] {base + ".gz", base, base.replace("-idx", ".idx")}) {
      Path p = folder.resolve(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        folder + ": no " + base + " or " + base + ".gz here (expected the four Fashion-MNIST IDX files "
            + TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES + ", " + TEST_LABELS + ")");
  }

  private static ImageDataset fromResources(String images, String labels, String name) throws IOException {
    return combine(resource(images), resource(labels), images, labels, name);
  }

  private static IdxFile.Array resource(String base) throws IOException {
    String path = RESOURCE + base + ".gz";
    try (InputStream in = FashionMnist.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("bundled Fashion-MNIST subset missing from the class path: " + path);
      }
      return IdxFile.read(in, "classpath:" + path);
    }
  }

  private static ImageDataset combine(
      IdxFile.Array images, IdxFile.Array labels, String imageSource, String labelSource, String name) {
    if (images.dimensions().length != 3) {
      throw new IllegalArgumentException(
          imageSource + ": an image file has 3 dimensions (count, rows, columns), this one has "
              + images.dimensions().length);
    }
    if (labels.dimensions().length != 1) {
      throw new IllegalArgumentException(
          labelSource + ": a label file has 1 dimension, this one has " + labels.dimensions().length);
    }
    if (images.count() != labels.count()) {
      throw new IllegalArgumentException(
          imageSource + " holds " + images.count() + " images but " + labelSource + " holds "
              + labels.count() + " labels");
    }
    for (int i = 0; i < labels.count(); i++) {
      if (labels.unsigned(i) >= CLASSES) {
        throw new IllegalArgumentException(
            labelSource + ": offset " + (8 + i) + ": label " + labels.unsigned(i) + " is not a class 0-9");
      }
    }
    return new ImageDataset(name, images.itemSize(), CLASSES, images.data(), labels.data());
  }
}
