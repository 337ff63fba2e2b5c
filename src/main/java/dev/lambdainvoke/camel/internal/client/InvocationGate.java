package dev.lambdainvoke.camel.internal.client;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets at most {@code limit} calls run at once; the rest wait in a queue, holding no thread, for as long as it takes. The
 * SDK's own limit would fail waiters after its connection-acquire timeout, which is why the wait lives here.
 *
 * <p>{@link #close()} ends the wait: every queued call fails at once with {@link InvocationNotSentException} and so does
 * every later submission, so that nothing is started against a client that is about to close. Calls already running are
 * left alone: they end with whatever their client reports.
 *
 * <p>No thread is held and no flag is kept while a call's outcome is passed on: what follows a call (the exchange's route,
 * which may send to another gate or to this one) runs with the gate free for every thread. A call that ends at once (a
 * request that cannot be built) frees its place and is passed on by the loop that started it, which then admits the next
 * waiter: a long queue of such calls is worked through iteratively, not by recursion.
 *
 * <p>A gate {@linkplain #InvocationGate(int, Predicate, CapacityListener) told how to recognise} a call its client could
 * not carry (no connection within the client's acquire timeout: nothing was sent) queues that call again, ahead of the
 * others, and lowers its limit to the calls the client carried when it happened.
 */
public final class InvocationGate {

    static final String CLOSED = "the endpoint stopped before the invocation was sent";

    /**
     * Told once that the client carries fewer calls than the limit: when the first call it could not carry starts again.
     * By then the calls that waited for a connection alongside it have each lowered the limit too, so it has settled.
     */
    @FunctionalInterface
    public interface CapacityListener {
        void carries(int configuredLimit, int carried);
    }

    private final int configuredLimit;
    private final AtomicInteger limit;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Queue<Waiter<?>> queue = new ConcurrentLinkedQueue<>();
    /** Calls the client could not carry, admitted before {@link #queue}: they waited longest. */
    private final Queue<Waiter<?>> notCarriedQueue = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private final Predicate<Throwable> notCarried;
    private final CapacityListener capacityListener;
    private final AtomicBoolean capacityReported = new AtomicBoolean();
    private final AtomicLong admissions = new AtomicLong();
    /** Admission numbers of the calls running now, kept only when {@link #notCarried} is known. */
    private final ConcurrentSkipListSet<Long> runningAdmissions;

    /** A queued call and the future its submitter holds. */
    private record Waiter<T>(Supplier<CompletableFuture<T>> call, CompletableFuture<T> outcome) {
        void reject() {
            outcome.completeExceptionally(new InvocationNotSentException(CLOSED));
        }
    }

    public InvocationGate(int limit) {
        this(limit, null, null);
    }

    /**
     * @param notCarried       recognises a failure that means the client could not carry the call and sent nothing; such a
     *                         call waits again instead of failing
     * @param capacityListener told once what the client carries, when it is fewer calls than {@code limit}
     */
    public InvocationGate(int limit, Predicate<Throwable> notCarried, CapacityListener capacityListener) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.configuredLimit = limit;
        this.limit = new AtomicInteger(limit);
        this.notCarried = notCarried;
        this.capacityListener = capacityListener;
        this.runningAdmissions = notCarried != null ? new ConcurrentSkipListSet<>() : null;
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
        // also when close() ran between the check above and the add: admission rejects what close() could not see
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

    private void drain() {
        while (true) {
            Waiter<?> next = claim();
            if (next == null) {
                return;
            }
            Runnable endedAtOnce = start(next);
            if (endedAtOnce != null) {
                endedAtOnce.run(); // holds nothing of the gate: any thread may admit meanwhile, this one included
            }
        }
    }

    /**
     * The next waiter to start, with a place taken for it; null when none may start now. Waiters of a closed gate are
     * rejected here, one at a time. Lock-free: a submitter adds before it claims, a finishing call frees its place before
     * it claims, so one of them always sees the other.
     */
    private Waiter<?> claim() {
        while (true) {
            Queue<Waiter<?>> from = notCarriedQueue.isEmpty() ? queue : notCarriedQueue;
            if (from.isEmpty()) {
                return null;
            }
            if (closed) {
                Waiter<?> rejected = from.poll();
                if (rejected != null) {
                    waiting.decrementAndGet();
                    rejected.reject();
                }
                continue;
            }
            int now = running.get();
            if (now >= limit.get()) {
                return null;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Waiter<?> next = from.poll();
            if (next == null) {
                running.decrementAndGet(); // another thread took it: check the queues again
                continue;
            }
            waiting.decrementAndGet();
            if (from == notCarriedQueue && capacityListener != null && capacityReported.compareAndSet(false, true)) {
                capacityListener.carries(configuredLimit, limit.get());
            }
            return next;
        }
    }

    /**
     * Starts the call. When it has ended by the time the client returns (it failed at once), its place is free again and
     * the returned task passes its outcome on; otherwise null, and its completion does both.
     */
    private <T> Runnable start(Waiter<T> waiter) {
        long admission = admissions.incrementAndGet();
        if (runningAdmissions != null) {
            runningAdmissions.add(admission);
        }
        CompletableFuture<T> call;
        try {
            call = waiter.call().get();
        } catch (Throwable t) {
            call = CompletableFuture.failedFuture(t);
        }
        if (call.isDone()) {
            // never queued again, even if not carried: it would go round at once, forever
            placeFreed(admission);
            CompletableFuture<T> ended = call;
            return () -> passOn(waiter, ended);
        }
        call.whenComplete((value, error) -> finished(waiter, admission, value, error));
        return null;
    }

    private <T> void finished(Waiter<T> waiter, long admission, T value, Throwable error) {
        boolean again = error != null && notCarried != null && notCarried.test(error);
        if (again) {
            lowerLimit(admission);
        }
        placeFreed(admission); // before the result is processed downstream, so the next waiter starts first
        if (again) {
            waiting.incrementAndGet();
            notCarriedQueue.add(waiter);
            drain();
            return;
        }
        drain();
        if (error != null) {
            waiter.outcome().completeExceptionally(error);
        } else {
            waiter.outcome().complete(value);
        }
    }

    private void placeFreed(long admission) {
        if (runningAdmissions != null) {
            runningAdmissions.remove(admission);
        }
        running.decrementAndGet();
    }

    private static <T> void passOn(Waiter<T> waiter, CompletableFuture<T> ended) {
        ended.whenComplete((value, error) -> {
            if (error != null) {
                waiter.outcome().completeExceptionally(error);
            } else {
                waiter.outcome().complete(value);
            }
        });
    }

    /**
     * The client found no connection for this call in time. At most the calls admitted before it and still running hold
     * one (a freed connection goes to the longest waiter); those among them that were waiting too lower the limit further
     * when their own timeout comes.
     */
    private void lowerLimit(long admission) {
        int carried = Math.max(1, runningAdmissions.headSet(admission).size());
        limit.accumulateAndGet(carried, Math::min);
    }

    /** Calls running now. */
    public int running() {
        return running.get();
    }

    /** Calls waiting for a place. */
    public int waiting() {
        return waiting.get();
    }

    /** Calls admitted at once: the configured limit, or less once the client showed it carries fewer. */
    public int limit() {
        return limit.get();
    }
}
