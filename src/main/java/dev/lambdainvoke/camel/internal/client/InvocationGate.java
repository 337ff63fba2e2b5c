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
    private final Queue<Call<?>> queue = new ConcurrentLinkedQueue<>();
    /** Calls the client could not carry, admitted before {@link #queue}: they waited longest. */
    private final Queue<Call<?>> notCarriedQueue = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private final Predicate<Throwable> notCarried;
    private final CapacityListener capacityListener;
    private final AtomicBoolean capacityReported = new AtomicBoolean();
    private final AtomicLong admissions = new AtomicLong();
    /** Admission numbers of the calls running now, kept only when {@link #notCarried} is known. */
    private final ConcurrentSkipListSet<Long> runningAdmissions;

    /**
     * One call through the gate: started when a place is free, told its outcome once. The gate passes the client's own
     * future straight on to {@link #end}, so that no future of the gate's stands between the client and the caller.
     */
    public interface Call<T> {

        /** Starts the call: the client's future. Throws when it cannot start, having sent nothing. */
        CompletableFuture<T> start() throws Exception;

        /** The outcome: a value, or the failure (with {@link InvocationNotSentException} when the gate closed first). */
        void end(T value, Throwable failure);
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
     * Starts {@code call} when a place is free and ends it with the outcome of the future it returns, or with
     * {@link InvocationNotSentException} when the gate closes first.
     */
    public <T> void submit(Call<T> call) {
        if (closed) {
            rejectNow(call);
            return;
        }
        waiting.incrementAndGet();
        queue.add(call);
        // also when close() ran between the check above and the add: admission rejects what close() could not see
        drain();
    }

    /** As {@link #submit(Call)}, for a caller that wants the outcome as a future: the one it gets back. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> start) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        submit(new Call<T>() {
            @Override
            public CompletableFuture<T> start() {
                return start.get();
            }

            @Override
            public void end(T value, Throwable failure) {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    outcome.complete(value);
                }
            }
        });
        return outcome;
    }

    private static void rejectNow(Call<?> call) {
        call.end(null, new InvocationNotSentException(CLOSED));
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
            Call<?> next = claim();
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
    private Call<?> claim() {
        while (true) {
            Queue<Call<?>> from = notCarriedQueue.isEmpty() ? queue : notCarriedQueue;
            if (from.isEmpty()) {
                return null;
            }
            if (closed) {
                Call<?> rejected = from.poll();
                if (rejected != null) {
                    waiting.decrementAndGet();
                    rejectNow(rejected);
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
            Call<?> next = from.poll();
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
     * the returned task passes its outcome on; otherwise null, and the client's future does both when it completes.
     */
    private <T> Runnable start(Call<T> call) {
        long admission = admissions.incrementAndGet();
        if (runningAdmissions != null) {
            runningAdmissions.add(admission);
        }
        CompletableFuture<T> started;
        try {
            started = call.start();
        } catch (Throwable notStarted) {
            placeFreed(admission);
            return () -> call.end(null, notStarted);
        }
        if (started.isDone()) {
            // never queued again, even if not carried: it would go round at once, forever
            placeFreed(admission);
            return () -> started.whenComplete(call::end);
        }
        started.whenComplete((value, error) -> finished(call, admission, value, error));
        return null;
    }

    private <T> void finished(Call<T> call, long admission, T value, Throwable error) {
        boolean again = error != null && notCarried != null && notCarried.test(error);
        if (again) {
            lowerLimit(admission);
        }
        placeFreed(admission); // before the result is processed downstream, so the next waiter starts first
        if (again) {
            waiting.incrementAndGet();
            notCarriedQueue.add(call);
            drain();
            return;
        }
        drain();
        call.end(value, error);
    }

    private void placeFreed(long admission) {
        if (runningAdmissions != null) {
            runningAdmissions.remove(admission);
        }
        running.decrementAndGet();
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
