package org.ferrogen.randomness.drbg;

/** The reseed counter passed the reseed interval and the DRBG has no entropy source to reseed itself. */
public final class ReseedRequiredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ReseedRequiredException(String message) {
        super(message);
    }
}
