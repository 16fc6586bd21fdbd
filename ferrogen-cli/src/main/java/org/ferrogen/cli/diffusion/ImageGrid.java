package org.ferrogen.cli.diffusion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ferrogen.cli.AtomicOutput;

/** Writes square greyscale images (values in [−1, 1]) as one PNG grid, each image enlarged for viewing. */
final class ImageGrid {
  private static final int SCALE = 4;
  private static final int GAP = 2;

  private ImageGrid() {}

  static void png(Path file, float[] images, int side, int columns) throws IOException {
    int pixels = side * side;
    int count = images.length / pixels;
    int rows = (count + columns - 1) / columns;
    int cell = side * SCALE + GAP;
    BufferedImage grid = new BufferedImage(columns * cell + GAP, rows * cell + GAP, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < count; i++) {
      int x0 = GAP + (i % columns) * cell;
      int y0 = GAP + (i / columns) * cell;
      for (int y = 0; y < side * SCALE; y++) {
        for (int x = 0; x < side * SCALE; x++) {
          float v = images[i * pixels + (y / SCALE) * side + x / SCALE];
          int grey = Math.round((Math.max(-1f, Math.min(1f, v)) + 1) * 127.5f);
          grid.getRaster().setSample(x0 + x, y0 + y, 0, grey);
        }
      }
    }
    AtomicOutput.write(file, out -> {
      if (!ImageIO.write(grid, "png", out)) {
        throw new IOException("no PNG writer in this JDK");
      }
    });
  }
}
