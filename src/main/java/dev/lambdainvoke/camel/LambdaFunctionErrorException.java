package dev.lambdainvoke.camel;

import java.util.List;

import org.apache.camel.Exchange;

/**
 * The function ran and failed ({@code X-Amz-Function-Error}), raised only with {@code failOnFunctionError=true}. Not
 * retryable: the function already ran. The parsed error is here; the raw payload is {@link #getPayload()}.
 */
public class LambdaFunctionErrorException extends LambdaInvokeException {

    private final String functionError;
    private final String errorType;
    private final String errorMessage;
    private final List<String> errorStackTrace;
    private final String payload;

    public LambdaFunctionErrorException(String message, Exchange exchange, String function, int statusCode,
                                        String requestId, String functionError, String errorType, String errorMessage,
                                        List<String> stackTrace, String payload) {
        super(message, exchange, null, function, statusCode, FUNCTION_ERROR, requestId, false);
        this.functionError = functionError;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.errorStackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
        this.payload = payload;
    }

    /** {@code Handled} or {@code Unhandled}. */
    public String getFunctionError() {
        return functionError;
    }

    /** The payload's {@code errorType}, or null when the payload has none. */
    public String getErrorType() {
        return errorType;
    }

    /** The payload's {@code errorMessage}, or null when the payload has none. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The payload's {@code stackTrace} (Java, Python) or {@code trace} (Node.js) lines; empty when absent. */
    public List<String> getErrorStackTrace() {
        return errorStackTrace;
    }

    /** The error payload as Lambda sent it. */
    public String getPayload() {
        return payload;
    }
}
