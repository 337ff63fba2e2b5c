package dev.lambdainvoke.camel;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * Base of every exception the component raises. {@link #isRetryable()} tells a redelivery policy whether another attempt
 * can succeed without invoking the function twice by surprise:
 * {@code onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))}.
 */
public class LambdaInvokeException extends CamelExchangeException {

    /** Error code of a timeout after the request was sent. */
    public static final String TIMEOUT = "Timeout";
    /** Error code of a connection that failed before any response arrived. */
    public static final String CONNECTION_FAILURE = "ConnectionFailure";
    /** Error code of the local payload-size check. */
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    /** Error code of a request-mapping failure. */
    public static final String MAPPING_ERROR = "MappingError";
    /** Error code of a function error raised with failOnFunctionError=true. */
    public static final String FUNCTION_ERROR = "FunctionError";
    /** Error code of an override header with a value that cannot be used. */
    public static final String INVALID_HEADER = "InvalidHeader";
    /** Error code of a client-side failure that fits no other code (no credentials, unreadable response, closed client). */
    public static final String CLIENT_ERROR = "ClientError";

    private final String function;
    private final int statusCode;
    private final String errorCode;
    private final String requestId;
    private final boolean retryable;

    public LambdaInvokeException(String message, Exchange exchange, Throwable cause, String function, int statusCode,
                                 String errorCode, String requestId, boolean retryable) {
        super(message, exchange, cause);
        this.function = function;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    /** The function as it was asked for (name, name:qualifier or ARN). */
    public String getFunction() {
        return function;
    }

    /** HTTP status code of Lambda's answer, 0 when there was none. */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * The AWS error code (e.g. {@code ResourceNotFoundException}) or one of this class's codes ({@link #TIMEOUT},
     * {@link #CONNECTION_FAILURE}, {@link #PAYLOAD_TOO_LARGE}, {@link #MAPPING_ERROR}, ...).
     */
    public String getErrorCode() {
        return errorCode;
    }

    /** AWS request id, or null when no answer carried one. */
    public String getRequestId() {
        return requestId;
    }

    /** True when another attempt may succeed and cannot have run the function already by this attempt. */
    public boolean isRetryable() {
        return retryable;
    }
}
