package dev.lambdainvoke.camel.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits for a condition another thread makes true: polled, never a fixed sleep. */
public final class Await {

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} (and its state) after {@code within}. */
    public static void until(Duration within, Supplier<String> what, BooleanSupplier condition) {
        if (!poll(within, condition)) {
            throw new AssertionError("not within " + within + ": " + what.get());
        }
    }

    /**
     * Polls {@code condition} until it holds (true) or {@code within} has passed (false), for callers that report the
     * failure their own way.
     */
    public static boolean poll(Duration within, BooleanSupplier condition) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS); // poll interval, not synchronisation: the loop ends as soon as it holds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while polling", e);
            }
        }
        return true;
    }
}
