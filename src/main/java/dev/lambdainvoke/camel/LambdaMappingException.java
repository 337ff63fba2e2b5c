package dev.lambdainvoke.camel;

import org.apache.camel.Exchange;

/**
 * The body could not be turned into a payload: it could not be read (a failing stream) or written as JSON (a POJO
 * Jackson cannot write), it is not JSON while {@code jsonata} is set, the expression failed, or it produced nothing.
 * Nothing was sent; not retryable. Also a failed {@code resultJsonata} (the result is not JSON, the expression failed or
 * produced nothing): the function ran, its raw result is the body and the result headers are set; not retryable.
 */
public class LambdaMappingException extends LambdaInvokeException {

    private final String expressionErrorCode;

    public LambdaMappingException(String message, Exchange exchange, Throwable cause, String function,
                                  String expressionErrorCode) {
        super(message, exchange, cause, function, 0, MAPPING_ERROR, null, false);
        this.expressionErrorCode = expressionErrorCode;
    }

    /** JSONata's own error code (e.g. {@code T2001}) when the expression failed, else null. */
    public String getExpressionErrorCode() {
        return expressionErrorCode;
    }
}
