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
    /**
     * Error code of an invocation that was never sent because its endpoint (or the component) stopped first: it was
     * still waiting for a place under {@code maxConcurrency}, or came after the stop. Retryable: nothing ran.
     */
    public static final String STOPPED_BEFORE_SENDING = "StoppedBeforeSending";
    /**
     * Error code of an invocation cut off because its endpoint (or the component) stopped while it waited for Lambda's
     * answer. Not retryable: the function may have run.
     */
    public static final String STOPPED_IN_FLIGHT = "StoppedInFlight";
    /**
     * Error code of a 2xx answer whose body broke off (shorter than its Content-Length, a malformed chunk, the connection
     * closed mid-body). Not retryable: Lambda answered, so the function ran.
     */
    public static final String RESPONSE_INCOMPLETE = "ResponseIncomplete";
    /**
     * Error code of a streamed answer ({@code responseStreaming}) that ended without its final event, or broke off after
     * Lambda began to answer. Not retryable: the function ran.
     */
    public static final String STREAM_INTERRUPTED = "StreamInterrupted";
    /**
     * Error code of a tenantId that is empty after evaluation, over 256 characters or has characters Lambda refuses.
     * Not retryable: nothing was sent, and the same message gives the same tenant.
     */
    public static final String INVALID_TENANT_ID = "InvalidTenantId";
    /**
     * Error code of a durableExecutionName that evaluated to nothing. Not retryable: nothing was sent.
     */
    public static final String INVALID_DURABLE_EXECUTION_NAME = "InvalidDurableExecutionName";
    /**
     * Error code of Lambda's DurableExecutionAlreadyStartedException: the durable execution name was used before with
     * another payload. Not retryable: the same request gets the same answer.
     */
    public static final String DURABLE_EXECUTION_ALREADY_STARTED = "DurableExecutionAlreadyStarted";
    /** Error code of a client-side failure that fits no other code (no credentials, unreadable response). */
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
     * {@link #CONNECTION_FAILURE}, {@link #PAYLOAD_TOO_LARGE}, {@link #MAPPING_ERROR}, {@link #STOPPED_BEFORE_SENDING},
     * {@link #STOPPED_IN_FLIGHT}, {@link #RESPONSE_INCOMPLETE}, ...).
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
