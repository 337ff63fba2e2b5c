package dev.lambdainvoke.camel.internal;

import java.time.Duration;

import dev.lambdainvoke.camel.LambdaThrottledException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.support.TypeConverterSupport;

/**
 * Hands Lambda's {@code Retry-After} to Camel's redelivery of the throttled call, and to nothing else.
 *
 * <p>Camel's error handler takes the delay of the next redelivery from the {@link Exchange#REDELIVERY_DELAY} header, read
 * as a Long, whenever a step of the route fails. A plain Long left there by a 429 that was then caught ({@code doCatch},
 * a handled {@code onException}, a dead letter channel) would delay every later redelivery of any step. So the header holds
 * a {@link Delay} instead, which converts to a Long only while the exchange's exception is still the throttled call's:
 * for any other failure it converts to nothing, and the step's own policy applies.
 *
 * <p>Within the throttled call's redeliveries Camel computes each delay from the last one it used, so after a
 * {@code Retry-After} later redeliveries of that call wait at least that long (longer with back-off). That is deliberate:
 * Lambda asked for patience, and the alternative (a zero delay to restart the policy's sequence) would hammer the
 * function.
 */
final class RedeliveryDelay {

    private static final TypeConverter TO_LONG = new TypeConverterSupport() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
            Long millis = ((Delay) value).millisFor(exchange);
            // MISS_VALUE, not null: Camel reads it as "no value" without replacing this converter by a cached miss
            return millis == null ? (T) MISS_VALUE : (T) millis;
        }
    };

    private RedeliveryDelay() {
    }

    /** Lets Camel read a {@link Delay} as a Long; once per context, the same converter each time. */
    static void register(CamelContext context) {
        context.getTypeConverterRegistry().addTypeConverter(Long.class, Delay.class, TO_LONG);
    }

    /**
     * Asks for {@code throttled}'s Retry-After, capped by {@code max}, before the next redelivery of this call. Nothing
     * without a Retry-After, or with a zero cap (the route's own policy then decides alone).
     */
    static void set(Exchange exchange, LambdaThrottledException throttled, Duration max) {
        Duration retryAfter = throttled.getRetryAfter();
        if (retryAfter == null || max.isZero()) {
            return;
        }
        Duration capped = retryAfter.compareTo(max) > 0 ? max : retryAfter;
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, new Delay(throttled, capped.toMillis()));
    }

    /** Removes a delay this component set; a delay of the route's own is left alone. */
    static void clearOwn(Exchange exchange) {
        if (exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY) instanceof Delay) {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }

    /** A Retry-After that holds only while its throttled exception is the exchange's current failure. */
    static final class Delay {

        private final LambdaThrottledException throttled;
        private final long millis;

        Delay(LambdaThrottledException throttled, long millis) {
            this.throttled = throttled;
            this.millis = millis;
        }

        /** The delay when the exchange is failing with the throttled call's exception (or one it caused), else null. */
        Long millisFor(Exchange exchange) {
            if (exchange == null) {
                return null;
            }
            for (Throwable e = exchange.getException(); e != null; e = e.getCause() == e ? null : e.getCause()) {
                if (e == throttled) {
                    return millis;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return millis + " (Retry-After of a throttled Lambda call)";
        }
    }
}
