package org.vtl.admin;

/**
 * An error as the admin API returns it, {@code {"error": {"code": ..., "message": ...}}}: a stable code for
 * scripts and one line for people that says what is wrong and how to fix it.
 *
 * @param code    {@code invalid}, {@code not_found}, {@code conflict}, {@code unavailable}, {@code unauthorized},
 *                {@code internal}, ...
 * @param message one line, no stack trace
 */
public record ApiError(String code, String message) {

    /** The JSON envelope. */
    public record Envelope(ApiError error) {
    }
}
