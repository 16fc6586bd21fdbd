package org.ferrogen.randomness.sp80090b;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Compressed length of a byte string under bzip2, for the compression statistic of the IID
 * permutation tests. NIST's tool calls libbzip2 ({@code BZ2_bzBuffToBuffCompress}, block size 5,
 * default work factor). When a {@code bzip2} executable (which is libbzip2 with the same defaults)
 * is on the PATH it is used, so the lengths are exactly the tool's; otherwise Apache Commons
 * Compress is used, whose encoder produces valid bzip2 streams whose lengths were measured to
 * differ from libbzip2's by up to about 1% (see docs/sp800-90b.md), and which is much slower on the
 * repetitive text of binary samples.
 */
public final class Bzip2Length {

  /** The block size (in 100 kB) the tool uses. */
  public static final int BLOCK_SIZE = 5;

  private static final String EXECUTABLE = findExecutable();

  private Bzip2Length() {}

  /** Which implementation computes the lengths. */
  public static String implementation() {
    return EXECUTABLE != null
        ? "libbzip2 (" + EXECUTABLE + " -" + BLOCK_SIZE + ")"
        : "Apache Commons Compress bzip2 (no bzip2 executable found)";
  }

  /** Whether the lengths are exactly libbzip2's. */
  public static boolean exact() {
    return EXECUTABLE != null;
  }

  public static long of(byte[] data, int len) {
    return EXECUTABLE != null ? viaExecutable(data, len) : viaCommons(data, len);
  }

  private static String findExecutable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, "bzip2");
      if (f.isFile() && f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    return null;
  }

  private static long viaExecutable(byte[] data, int len) {
    try {
      Process p =
          new ProcessBuilder(EXECUTABLE, "-" + BLOCK_SIZE, "-c")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Thread feeder =
          new Thread(
              () -> {
                try (OutputStream in = p.getOutputStream()) {
                  in.write(data, 0, len);
                } catch (IOException e) {
                  // The reader below reports the failure through the exit status.
                }
              },
              "bzip2-feeder");
      feeder.setDaemon(true);
      feeder.start();
      long count = 0;
      byte[] buf = new byte[1 << 16];
      try (InputStream out = p.getInputStream()) {
        int r;
        while ((r = out.read(buf)) > 0) {
          count += r;
        }
      }
      int status = p.waitFor();
      feeder.join();
      if (status != 0) {
        throw new IllegalStateException(EXECUTABLE + " exited with status " + status);
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + EXECUTABLE, e);
    }
  }

  private static long viaCommons(byte[] data, int len) {
    long[] count = new long[1];
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int n) {
            count[0] += n;
          }
        };
    try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(counter, BLOCK_SIZE)) {
      bz.write(data, 0, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }
}
