package dev.lambdainvoke.camel.client;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets at most {@code limit} calls run at once; the rest wait in a queue, holding no thread, for as long as it takes. The
 * SDK's own limit would fail waiters after its connection-acquire timeout, which is why the wait lives here.
 */
public final class InvocationGate {

    // Completions that start the next waiter on the same thread would otherwise recurse once per queued call.
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final int limit;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();

    public InvocationGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    /** Starts {@code call} when a place is free; the returned future completes with the call's outcome. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        waiting.incrementAndGet();
        queue.add(() -> start(call, outcome));
        drain();
        return outcome;
    }

    private <T> void start(Supplier<CompletableFuture<T>> call, CompletableFuture<T> outcome) {
        CompletableFuture<T> running;
        try {
            running = call.get();
        } catch (Throwable t) {
            running = CompletableFuture.failedFuture(t);
        }
        running.whenComplete((value, error) -> {
            // free the place first, so the next waiter starts before this result is processed downstream
            this.running.decrementAndGet();
            drain();
            if (error != null) {
                outcome.completeExceptionally(error);
            } else {
                outcome.complete(value);
            }
        });
    }

    private void drain() {
        if (DRAINING.get()) {
            return; // the loop further up this thread's stack picks up what is queued
        }
        DRAINING.set(Boolean.TRUE);
        try {
            while (!queue.isEmpty()) {
                int now = running.get();
                if (now >= limit) {
                    return;
                }
                if (!running.compareAndSet(now, now + 1)) {
                    continue;
                }
                Runnable next = queue.poll();
                if (next == null) {
                    running.decrementAndGet(); // another thread took it; loop re-checks the queue
                    continue;
                }
                waiting.decrementAndGet();
                next.run();
            }
        } finally {
            DRAINING.set(Boolean.FALSE);
        }
    }

    /** Calls running now. */
    public int running() {
        return running.get();
    }

    /** Calls waiting for a place. */
    public int waiting() {
        return waiting.get();
    }

    public int limit() {
        return limit;
    }
}
