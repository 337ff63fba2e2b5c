package dev.lambdainvoke.camel.internal.mapping;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;

/**
 * An endpoint's durable execution name, evaluated on an exchange's first attempt and kept in an exchange property of
 * this endpoint's own, so that every redelivery sends the same name: Lambda runs a name once, which is what makes a
 * redelivery after a timeout safe.
 */
public final class DurableExecutionNames {

    private static final AtomicLong ENDPOINTS = new AtomicLong();

    private final MessageValue value;
    /** One per endpoint: two endpoints on one route each keep their own name. */
    private final String property = "CamelLambdaInvokeDurableExecutionName." + ENDPOINTS.incrementAndGet();

    public DurableExecutionNames(MessageValue value) {
        this.value = value;
    }

    /** The name of this exchange: the one its first attempt used, else evaluated now (null when it gives none). */
    public String nameFor(Exchange exchange) {
        String kept = exchange.getProperty(property, String.class);
        if (kept != null) {
            return kept;
        }
        String name = value.evaluate(exchange);
        if (name != null && !name.isEmpty()) {
            exchange.setProperty(property, name);
        }
        return name;
    }
}
