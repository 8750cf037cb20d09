package org.vtl.admin;

/** Answers one route. Throw {@link ApiException} to refuse; anything else becomes a 500 logged once. */
@FunctionalInterface
public interface ApiHandler {

    ApiResponse handle(ApiRequest request) throws Exception;
}
