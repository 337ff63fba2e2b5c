package dev.lambdainvoke.camel;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * Hands Lambda's {@code Retry-After} to Camel's redelivery via {@link Exchange#REDELIVERY_DELAY}, and takes back only a
 * delay this component set, so a later, different failure is not delayed by an old 429.
 *
 * <p>Within one exchange's redeliveries Camel computes each delay from the last one it used, so after a
 * {@code Retry-After} later redeliveries wait at least that long (longer with back-off). That is deliberate: Lambda
 * asked for patience, and the alternative (a zero delay to restart the policy's sequence) would hammer the function.
 */
final class RedeliveryDelay {

    private static final String SET_BY_US = "LambdaInvokeRedeliveryDelaySet";

    private RedeliveryDelay() {
    }

    static void set(Exchange exchange, Duration retryAfter) {
        if (retryAfter == null) {
            return;
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, retryAfter.toMillis());
        exchange.setProperty(SET_BY_US, Boolean.TRUE);
    }

    static void clearOwn(Exchange exchange) {
        if (exchange.removeProperty(SET_BY_US) != null) {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
