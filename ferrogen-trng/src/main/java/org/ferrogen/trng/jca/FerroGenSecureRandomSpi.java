package org.ferrogen.trng.jca;

import java.security.SecureRandomParameters;
import java.security.SecureRandomSpi;
import java.util.concurrent.locks.ReentrantLock;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.pipeline.EntropyPipeline;

/**
 * {@link SecureRandomSpi} over an {@link EntropyPipeline}. Thread-safe (one lock around the
 * pipeline), so the provider registers it with {@code ThreadSafe=true} and {@link
 * java.security.SecureRandom} adds no locking of its own. The pipeline (and its start-up health
 * test) is built on first use. Health-test alarms surface as {@link
 * org.ferrogen.trng.pipeline.EntropySourceFailure} from {@code nextBytes}: no output is ever
 * produced from a failed source.
 */
public final class FerroGenSecureRandomSpi extends SecureRandomSpi {

  private static final long serialVersionUID = 1L;

  private final transient FerroGenParameters parameters;
  private final transient ReentrantLock lock = new ReentrantLock();
  private transient EntropyPipeline pipeline;

  public FerroGenSecureRandomSpi(FerroGenParameters parameters) {
    super(parameters);
    this.parameters = parameters;
  }

  @Override
  protected void engineSetSeed(byte[] seed) {
    lock.lock();
    try {
      pipeline().addSeedMaterial(seed);
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected void engineNextBytes(byte[] bytes) {
    lock.lock();
    try {
      pipeline().nextBytes(bytes, 0, bytes.length);
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected byte[] engineGenerateSeed(int numBytes) {
    if (numBytes < 0) {
      throw new IllegalArgumentException("seed length must be >= 0, got " + numBytes);
    }
    lock.lock();
    try {
      return pipeline().generateSeed(numBytes);
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected SecureRandomParameters engineGetParameters() {
    lock.lock();
    try {
      return new FerroGenStatus(parameters, pipeline == null ? null : pipeline.status());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "FerroGen " + parameters.design().algorithm() + " (simulated source, not certified entropy)";
  }

  private EntropyPipeline pipeline() {
    if (pipeline == null) {
      pipeline = new EntropyPipeline(
          parameters.design().create(parameters.conditions(), NoiseSeed.of(parameters.noiseSeed())),
          parameters.pipeline());
    }
    return pipeline;
  }
}
