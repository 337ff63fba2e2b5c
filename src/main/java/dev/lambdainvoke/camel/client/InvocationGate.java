package dev.lambdainvoke.camel.client;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets at most {@code limit} calls run at once; the rest wait in a queue, holding no thread, for as long as it takes. The
 * SDK's own limit would fail waiters after its connection-acquire timeout, which is why the wait lives here.
 *
 * <p>{@link #close()} ends the wait: every queued call fails at once with {@link InvocationNotSentException} and so does
 * every later submission, so that nothing is started against a client that is about to close. Calls already running are
 * left alone: they end with whatever their client reports.
 */
public final class InvocationGate {

    static final String CLOSED = "the endpoint stopped before the invocation was sent";

    // Completions that start the next waiter on the same thread would otherwise recurse once per queued call.
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final int limit;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Queue<Waiter<?>> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** A queued call and the future its submitter holds. */
    private record Waiter<T>(Supplier<CompletableFuture<T>> call, CompletableFuture<T> outcome) {
        void reject() {
            outcome.completeExceptionally(new InvocationNotSentException(CLOSED));
        }
    }

    public InvocationGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    /**
     * Starts {@code call} when a place is free; the returned future completes with the call's outcome, or with
     * {@link InvocationNotSentException} when the gate closes first.
     */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        if (closed) {
            outcome.completeExceptionally(new InvocationNotSentException(CLOSED));
            return outcome;
        }
        waiting.incrementAndGet();
        queue.add(new Waiter<>(call, outcome));
        // also when close() ran between the check above and the add: drain rejects what close() could not see
        drain();
        return outcome;
    }

    /** Fails every queued call and every later submission; running calls carry on. Idempotent. */
    public void close() {
        closed = true;
        drain();
    }

    public boolean isClosed() {
        return closed;
    }

    private <T> void start(Waiter<T> waiter) {
        CompletableFuture<T> call;
        try {
            call = waiter.call().get();
        } catch (Throwable t) {
            call = CompletableFuture.failedFuture(t);
        }
        call.whenComplete((value, error) -> {
            // free the place first, so the next waiter starts before this result is processed downstream
            running.decrementAndGet();
            drain();
            if (error != null) {
                waiter.outcome().completeExceptionally(error);
            } else {
                waiter.outcome().complete(value);
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
                if (closed) {
                    rejectQueued();
                    continue;
                }
                int now = running.get();
                if (now >= limit) {
                    return;
                }
                if (!running.compareAndSet(now, now + 1)) {
                    continue;
                }
                Waiter<?> next = queue.poll();
                if (next == null) {
                    running.decrementAndGet(); // another thread took it; loop re-checks the queue
                    continue;
                }
                waiting.decrementAndGet();
                start(next);
            }
        } finally {
            DRAINING.set(Boolean.FALSE);
        }
    }

    /** Each waiter is polled by exactly one thread, so each is either started or rejected, once. */
    private void rejectQueued() {
        for (Waiter<?> waiter = queue.poll(); waiter != null; waiter = queue.poll()) {
            waiting.decrementAndGet();
            waiter.reject();
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
