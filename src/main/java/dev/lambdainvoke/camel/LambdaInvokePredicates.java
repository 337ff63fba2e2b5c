package dev.lambdainvoke.camel;

import org.apache.camel.Predicate;

/**
 * Predicates for a route's error handling that need no expression language. {@code simple("${exception.retryable}")}
 * works too, but only with {@code camel-bean} on the class path (Simple calls the getter through the bean language).
 */
public final class LambdaInvokePredicates {

    private static final Predicate RETRYABLE = exchange -> {
        LambdaInvokeException e = exchange.getException(LambdaInvokeException.class);
        return e != null && e.isRetryable();
    };

    private LambdaInvokePredicates() {
    }

    /**
     * True when the exchange failed with a {@link LambdaInvokeException} (or one caused by it) that is retryable:
     * {@code onException(LambdaInvokeException.class).onWhen(LambdaInvokePredicates.retryable())}.
     */
    public static Predicate retryable() {
        return RETRYABLE;
    }
}
