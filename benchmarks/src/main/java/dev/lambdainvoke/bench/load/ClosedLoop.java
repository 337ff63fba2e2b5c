package dev.lambdainvoke.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives an async client with no thread of its own: {@code concurrency} slots, each starting its next invocation from
 * the thread that ends the previous one. A slot whose invocation fails stops, so that a dead stub cannot make it spin.
 */
final class ClosedLoop implements LoadDriver {

    private final AsyncInvocations invocations;
    private final int concurrency;
    private final LoadCounters counters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean running;

    ClosedLoop(AsyncInvocations invocations, int concurrency, LoadCounters counters) {
        this.invocations = invocations;
        this.concurrency = concurrency;
        this.counters = counters;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < concurrency; i++) {
            new Slot().next();
        }
    }

    @Override
    public void stopAndDrain() throws Exception {
        running = false;
        if (inFlight.get() == 0) {
            drained.complete(null);
        }
        drained.get(5, TimeUnit.MINUTES);
    }

    private final class Slot implements AsyncInvocations.Completion {
        private long startedNanos;

        void next() {
            inFlight.incrementAndGet();
            startedNanos = System.nanoTime();
            invocations.invoke(this);
        }

        @Override
        public void done(Throwable failure) {
            counters.record(startedNanos, failure);
            // the next one starts before this one leaves the count, so the count only reaches 0 once stopped
            if (running && failure == null) {
                next();
            }
            if (inFlight.decrementAndGet() == 0 && !running) {
                drained.complete(null);
            }
        }
    }
}
