package dev.lambdainvoke.camel;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * Hands Lambda's {@code Retry-After} to Camel's redelivery via {@link Exchange#REDELIVERY_DELAY}, and takes back only a
 * delay this component set, so a later, different failure is not delayed by an old 429.
 *
 * <p>Taking the header back is not enough on its own: without the header, Camel computes a redelivery's delay from the
 * last delay it used for the exchange -- after a throttle, Lambda's {@code Retry-After} -- so every later redelivery
 * would wait that long too (longer with exponential back-off). A failure without {@code Retry-After} right after the
 * redelivery that waited for one therefore asks for no delay once, which starts the policy's own sequence again.
 */
final class RedeliveryDelay {

    /** Property: the REDELIVERY_DELAY header is ours; an Integer (the redelivery counter then) for a Retry-After. */
    private static final String SET_BY_US = "LambdaInvokeRedeliveryDelaySet";
    /** Property: this attempt is the redelivery that waited for Lambda's Retry-After. */
    private static final String WAITED_FOR_RETRY_AFTER = "LambdaInvokeWaitedForRetryAfter";

    private RedeliveryDelay() {
    }

    /** After a failed invocation: {@code retryAfter} is Lambda's wish (a 429), or null for any other failure. */
    static void onFailure(Exchange exchange, Duration retryAfter) {
        boolean waited = exchange.removeProperty(WAITED_FOR_RETRY_AFTER) != null;
        if (retryAfter != null) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, retryAfter.toMillis());
            exchange.setProperty(SET_BY_US, redeliveryCounter(exchange));
        } else if (waited) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
            exchange.setProperty(SET_BY_US, Boolean.FALSE);
        }
    }

    /** Before each attempt: removes a header this component set, noting whether this attempt waited for it. */
    static void clearOwn(Exchange exchange) {
        exchange.removeProperty(WAITED_FOR_RETRY_AFTER);
        Object own = exchange.removeProperty(SET_BY_US);
        if (own == null) {
            return;
        }
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        if (own instanceof Integer && redeliveryCounter(exchange) == (Integer) own + 1) {
            exchange.setProperty(WAITED_FOR_RETRY_AFTER, Boolean.TRUE);
        }
    }

    private static int redeliveryCounter(Exchange exchange) {
        Integer counter = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return counter == null ? 0 : counter;
    }
}
