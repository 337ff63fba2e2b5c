package dev.lambdainvoke.camel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
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
 * <p>Admission runs on one thread at a time per gate: whichever thread finds the gate idle admits, and a thread that finds
 * it busy leaves a note for that thread to go round once more. What follows a call (the exchange's route, which may send
 * to another gate or to this one) never runs inside admission: outcomes known during admission are completed after it.
 *
 * <p>A gate {@linkplain #InvocationGate(int, Predicate, CapacityListener) told how to recognise} a call its client could
 * not carry (no connection within the client's acquire timeout: nothing was sent) queues that call again, ahead of the
 * others, and lowers its limit to the calls the client carried when it happened.
 */
public final class InvocationGate {

    static final String CLOSED = "the endpoint stopped before the invocation was sent";

    /** Told when a gate lowers its limit to what its client carries. */
    @FunctionalInterface
    public interface CapacityListener {
        void lowered(int configuredLimit, int carried);
    }

    private final int configuredLimit;
    private final AtomicInteger limit;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Queue<Waiter<?>> queue = new ConcurrentLinkedQueue<>();
    /** Calls the client could not carry, admitted before {@link #queue}: they waited longest. */
    private final Queue<Waiter<?>> notCarriedQueue = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    // admission: the thread that raises wip from 0 admits, and goes round again while others raised it meanwhile
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Thread admitting;
    /** Outcomes to complete once admission is left; touched only by the admitting thread. */
    private List<Runnable> afterAdmission;

    private final Predicate<Throwable> notCarried;
    private final CapacityListener capacityListener;
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
     * @param capacityListener told each time the limit is lowered to what the client carried
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
        if (wip.getAndIncrement() != 0) {
            return; // the thread admitting now goes round once more, and sees what this one came for
        }
        List<Runnable> outcomes = new ArrayList<>();
        int missed = 1;
        do {
            afterAdmission = outcomes;
            admitting = Thread.currentThread();
            admit(outcomes);
            // cleared before wip drops: the next admitting thread sets its own
            admitting = null;
            afterAdmission = null;
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
        outcomes.forEach(Runnable::run);
    }

    private void admit(List<Runnable> outcomes) {
        while (true) {
            if (closed) {
                reject(notCarriedQueue, outcomes);
                reject(queue, outcomes);
                return;
            }
            Queue<Waiter<?>> from = notCarriedQueue.isEmpty() ? queue : notCarriedQueue;
            if (from.isEmpty() || running.get() >= limit.get()) {
                return;
            }
            // only the admitting thread polls and adds to running; completions elsewhere only lower it
            Waiter<?> next = from.poll();
            waiting.decrementAndGet();
            running.incrementAndGet();
            start(next);
        }
    }

    /** Each waiter is polled by the admitting thread only, so each is either started or rejected, once. */
    private void reject(Queue<Waiter<?>> waiters, List<Runnable> outcomes) {
        for (Waiter<?> waiter = waiters.poll(); waiter != null; waiter = waiters.poll()) {
            waiting.decrementAndGet();
            outcomes.add(waiter::reject);
        }
    }

    private <T> void start(Waiter<T> waiter) {
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
        call.whenComplete((value, error) -> finished(waiter, admission, value, error));
    }

    private <T> void finished(Waiter<T> waiter, long admission, T value, Throwable error) {
        boolean inAdmission = admitting == Thread.currentThread(); // it failed at once, or what admission ran ended it
        // a call that fails at once is never queued again: admission would go round it forever
        boolean again = error != null && notCarried != null && !inAdmission && notCarried.test(error);
        if (again) {
            lowerLimit(admission);
        }
        if (runningAdmissions != null) {
            runningAdmissions.remove(admission);
        }
        running.decrementAndGet(); // the place is free before the result is processed downstream
        if (again) {
            waiting.incrementAndGet();
            notCarriedQueue.add(waiter);
            drain();
            return;
        }
        Runnable outcome = () -> {
            if (error != null) {
                waiter.outcome().completeExceptionally(error);
            } else {
                waiter.outcome().complete(value);
            }
        };
        if (inAdmission) {
            afterAdmission.add(outcome); // admission goes on with the freed place; the route runs once it is left
        } else {
            drain();
            outcome.run();
        }
    }

    /**
     * The client found no connection for this call in time. The calls admitted before it and still running each hold one
     * (a freed connection goes to the longest waiter), so they are what the client carries.
     */
    private void lowerLimit(long admission) {
        int carried = Math.max(1, runningAdmissions.headSet(admission).size());
        int before = limit.getAndAccumulate(carried, Math::min);
        if (carried < before && capacityListener != null) {
            capacityListener.lowered(configuredLimit, carried);
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

    /** Calls admitted at once: the configured limit, or less once the client showed it carries fewer. */
    public int limit() {
        return limit.get();
    }
}
