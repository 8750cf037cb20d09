package org.vtl.admin;

/** A refused API call: the HTTP status and the {@link ApiError} to return. Services throw it. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = new ApiError(code, message);
    }

    /** 400: the request is malformed or breaks a rule. */
    /** "1 iSCSI session", "2 iSCSI sessions": a count with its noun, for the one-line messages. */
    public static String count(long n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "invalid", message);
    }

    /** 404: no such partition, cartridge, job... */
    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    /** 409: refused in the current state (cartridges still present, drive loaded, ...). */
    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    /** 503: the component that would answer is not part of this appliance (yet). */
    public static ApiException unavailable(String what, String component) {
        return new ApiException(503, "unavailable", what + " are not available: this appliance runs without "
                + component + " (see vtl status)");
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
