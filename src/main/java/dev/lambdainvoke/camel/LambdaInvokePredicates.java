package dev.lambdainvoke.camel;

import org.apache.camel.Predicate;

/**
 * Predicates for a route's error handling that need no expression language. {@code simple("${exception.retryable}")}
 * works too, but only with {@code camel-bean} on the class path (Simple calls the getter through the bean language).
 */
public final class LambdaInvokePredicates {

    private static final Predicate RETRYABLE = exchange -> {
        LambdaInvokeException e = thisFailure(exchange.getException());
        return e != null && e.isRetryable();
    };

    private LambdaInvokePredicates() {
    }

    /**
     * True when the exchange failed with a {@link LambdaInvokeException} (or one caused by it) that is retryable:
     * {@code onException(LambdaInvokeException.class).onWhen(LambdaInvokePredicates.retryable())}. Add
     * {@code onException(LambdaInvokeException.class).maximumRedeliveries(0)} after it: Camel redelivers a failure that
     * no clause matches under the policy of the clause the exchange's previous failure matched.
     */
    public static Predicate retryable() {
        return RETRYABLE;
    }

    /**
     * The component's exception of this failure: the exception itself or one of its causes. Not
     * {@code Exchange.getException(Class)}, which looks at suppressed exceptions first: Camel adds the previous attempt's
     * failure there, and a 503 before a Timeout would make the Timeout look retryable.
     */
    private static LambdaInvokeException thisFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LambdaInvokeException e) {
                return e;
            }
        }
        return null;
    }
}
