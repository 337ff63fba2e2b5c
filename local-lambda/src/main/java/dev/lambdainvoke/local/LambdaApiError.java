package dev.lambdainvoke.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the Invoke API, as Lambda sends it: an HTTP status, the error code in {@code x-amzn-ErrorType}
 * (where SDK v2 reads it) and a JSON body {@code {"Type": ..., "message": ...}}.
 */
final class LambdaApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String type;
    private final Map<String, String> extraHeaders;
    private final Map<String, Object> extraFields;

    private LambdaApiError(int status, String code, String type, String message, Map<String, String> extraHeaders,
                           Map<String, Object> extraFields) {
        super(message, null, false, false); // an answer, not a failure: no stack trace to fill
        this.status = status;
        this.code = code;
        this.type = type;
        this.extraHeaders = extraHeaders;
        this.extraFields = extraFields;
    }

    private static LambdaApiError user(int status, String code, String message) {
        return new LambdaApiError(status, code, "User", message, Map.of(), Map.of());
    }

    static LambdaApiError functionNotFound(String arn) {
        return user(404, "ResourceNotFoundException", "Function not found: " + arn);
    }

    static LambdaApiError invalidParameter(String message) {
        return user(400, "InvalidParameterValueException", message);
    }

    static LambdaApiError invalidRequestContent(String message) {
        return user(400, "InvalidRequestContentException", message);
    }

    static LambdaApiError validation(String message) {
        return user(400, "ValidationException", message);
    }

    static LambdaApiError tooLarge(int limit) {
        return user(413, "RequestEntityTooLargeException",
                "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
    }

    /** Reserved concurrency used up: Lambda asks the caller to come back in a second. */
    static LambdaApiError reservedConcurrencyExceeded() {
        return new LambdaApiError(429, "TooManyRequestsException", "User", "Rate Exceeded.", Map.of("Retry-After", "1"),
                Map.of("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded"));
    }

    /** The durable execution name ran before with another payload. */
    static LambdaApiError durableExecutionAlreadyStarted(String name) {
        return user(409, "DurableExecutionAlreadyStartedException",
                "Durable execution '" + name + "' already started with a different payload");
    }

    static LambdaApiError unknownOperation(String method, String path) {
        return user(404, "UnknownOperationException",
                "LocalLambda serves only the Invoke API (POST /2015-03-31/functions/{name}/invocations), not " + method
                                                      + " " + path);
    }

    /** A fault of the host itself, or an invocation cut short by {@code close()}. */
    static LambdaApiError service(String message) {
        return new LambdaApiError(500, "ServiceException", "Service", message, Map.of(), Map.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /** The JSON body: the extra fields (e.g. {@code Reason}) first, then {@code Type} and {@code message}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(extraFields);
        body.put("Type", type);
        body.put("message", getMessage());
        return body;
    }
}
