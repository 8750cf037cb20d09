package org.vtl.library;

/** A refused library state change; nothing was changed. */
public final class LibraryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final LibraryError error;

    public LibraryException(LibraryError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public LibraryError error() {
        return error;
    }
}
