package org.ferrogen.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes CSV text and PNG charts through {@link AtomicOutput}, headless. */
public final class Plots {
  private Plots() {}

  public static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  public static void csv(Path file, CharSequence text) throws IOException {
    AtomicOutput.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Charts side by side in one PNG. */
  public static void png(Path file, List<? extends Chart<?, ?>> charts) throws IOException {
    List<BufferedImage> images = charts.stream().map(BitmapEncoder::getBufferedImage).toList();
    int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
    int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
    BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, width, height);
    int x = 0;
    for (BufferedImage image : images) {
      g.drawImage(image, x, 0, null);
      x += image.getWidth();
    }
    g.dispose();
    AtomicOutput.write(file, out -> ImageIO.write(all, "png", out));
  }
}
