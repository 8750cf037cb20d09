package org.vtl.cartridge;

/** A refused cartridge operation; nothing was changed on the medium unless the message says so. */
public final class MediumException extends Exception {

    private static final long serialVersionUID = 1L;

    private final MediumError error;

    public MediumException(MediumError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public MediumException(MediumError error, String message, Throwable cause) {
        super(message, cause, false, false);
        this.error = error;
    }

    public MediumError error() {
        return error;
    }
}
