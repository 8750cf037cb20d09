package org.vtl.catalog;

/** The catalog's store failed (I/O error, corruption, closed): the operation did not happen or is unknown. */
public final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogException(String message) {
        super(message);
    }
}
