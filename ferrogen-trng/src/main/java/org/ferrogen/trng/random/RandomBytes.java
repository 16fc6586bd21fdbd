package org.ferrogen.trng.random;

/** Anything that fills byte arrays with random bytes: the TRNG pipeline, a SecureRandom. */
@FunctionalInterface
public interface RandomBytes {
  void nextBytes(byte[] bytes, int offset, int length);
}
