package org.vtl.admin;

/**
 * What a handler answers: a status and a body, serialized as JSON unless {@code contentType} says it is text.
 *
 * @param status      HTTP status
 * @param body        a record to write as JSON, a String for text, or {@code null} for no body
 * @param contentType {@code null} for JSON
 */
public record ApiResponse(int status, Object body, String contentType) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, null);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, null);
    }

    /** 202: accepted as a job; the body is the job. */
    public static ApiResponse accepted(JobView job) {
        return new ApiResponse(202, job, null);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    public static ApiResponse text(String body, String contentType) {
        return new ApiResponse(200, body, contentType);
    }
}
