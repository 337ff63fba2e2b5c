package dev.lambdainvoke.camel;

import java.time.Duration;

import org.apache.camel.Exchange;

/** Lambda answered 429 TooManyRequests. Always retryable; {@link #getRetryAfter()} says how long Lambda asked to wait. */
public class LambdaThrottledException extends LambdaInvokeException {

    private final Duration retryAfter;
    private final String reason;

    public LambdaThrottledException(String message, Exchange exchange, Throwable cause, String function, String errorCode,
                                    String requestId, Duration retryAfter, String reason) {
        super(message, exchange, cause, function, 429, errorCode, requestId, true);
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    /**
     * The wait Lambda asked for in {@code Retry-After}, or null when it gave none. The next redelivery of the call waits
     * this long, capped by the endpoint's {@code maxRetryAfter}.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** Lambda's throttle reason (e.g. ReservedFunctionConcurrentInvocationLimitExceeded), or null. */
    public String getReason() {
        return reason;
    }
}
