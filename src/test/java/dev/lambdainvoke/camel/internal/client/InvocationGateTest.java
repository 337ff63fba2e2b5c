package dev.lambdainvoke.camel.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate in front of the SDK client: a limit on calls in flight, waiting without threads, nothing lost. */
class InvocationGateTest {

    @Test
    void callsBeyondTheLimitWaitUntilAPlaceIsFree() {
        InvocationGate gate = new InvocationGate(2);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();

        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.add(call);
            outcomes.add(gate.submit(() -> {
                started.incrementAndGet();
                return call;
            }));
        }

        assertThat(started).hasValue(2);
        assertThat(gate.running()).isEqualTo(2);
        assertThat(gate.waiting()).isEqualTo(3);

        calls.get(0).complete("first");

        assertThat(outcomes.get(0)).isCompletedWithValue("first");
        assertThat(started).hasValue(3);
        assertThat(gate.running()).isEqualTo(2);
        assertThat(gate.waiting()).isEqualTo(2);
    }

    @Test
    void aFailedCallFreesItsPlaceAndPassesTheFailureOn() {
        InvocationGate gate = new InvocationGate(1);
        CompletableFuture<String> failing = gate.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("x")));
        CompletableFuture<String> next = gate.submit(() -> CompletableFuture.completedFuture("ok"));

        assertThat(failing).isCompletedExceptionally();
        assertThat(next).isCompletedWithValue("ok");
        assertThat(gate.running()).isZero();
    }

    @Test
    void aCallThatThrowsInsteadOfReturningAFutureStillCompletesAndFreesItsPlace() {
        InvocationGate gate = new InvocationGate(1);
        CompletableFuture<String> thrown = gate.submit(() -> {
            throw new IllegalStateException("client closed");
        });

        assertThatThrownBy(thrown::join).hasRootCauseMessage("client closed");
        assertThat(gate.running()).isZero();
    }

    @Test
    void manyWaitersCompletingSynchronouslyDoNotOverflowTheStack() {
        InvocationGate gate = new InvocationGate(1);
        CompletableFuture<String> first = new CompletableFuture<>();
        gate.submit(() -> first);
        List<CompletableFuture<String>> waiters = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            waiters.add(gate.submit(() -> CompletableFuture.completedFuture("done")));
        }

        first.complete("go"); // releases a chain of 100,000 calls that each complete at once

        assertThat(waiters).allMatch(w -> w.isDone() && !w.isCompletedExceptionally());
        assertThat(gate.running()).isZero();
        assertThat(gate.waiting()).isZero();
    }

    /**
     * Issue 10, defect 1: a call gate A admits fails at once (a body that cannot be mapped), and its exchange carries on
     * into another endpoint with a gate of its own. That call starts, whether A admitted the failing one from its queue or
     * straight away.
     */
    @Test
    void aCallThatFailsAtOnceCanContinueIntoAnotherGateWhoseCallThenStarts() {
        InvocationGate first = new InvocationGate(1);
        InvocationGate second = new InvocationGate(1);
        CompletableFuture<String> occupying = new CompletableFuture<>();
        first.submit(() -> occupying);
        AtomicInteger startedAtSecond = new AtomicInteger();
        List<CompletableFuture<String>> continued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.<String>submit(() -> CompletableFuture.failedFuture(new IllegalArgumentException("not JSON")))
                    .exceptionally(notMapped -> {
                        continued.add(second.submit(() -> {
                            startedAtSecond.incrementAndGet();
                            return CompletableFuture.completedFuture("fallback");
                        }));
                        return null;
                    });
        }

        occupying.complete("done"); // admits the queued calls, which fail at once and continue into the second gate

        assertThat(startedAtSecond).as("calls started at the second gate").hasValue(3);
        assertThat(continued).allMatch(c -> c.isDone() && !c.isCompletedExceptionally());

        first.<String>submit(() -> CompletableFuture.failedFuture(new IllegalArgumentException("not JSON")))
                .exceptionally(notMapped -> {
                    continued.add(second.submit(() -> CompletableFuture.completedFuture("fallback")));
                    return null;
                });

        assertThat(continued).as("also when the first gate had a place free").hasSize(4)
                .allMatch(c -> c.isDone() && !c.isCompletedExceptionally());
        assertThat(first.running()).isZero();
        assertThat(second.running()).isZero();
    }

    /** As above, for the calls a closing gate rejects: their exchanges carry on into another endpoint, whose call starts. */
    @Test
    void aCallRejectedByAClosingGateCanContinueIntoAnotherGateWhoseCallThenStarts() {
        InvocationGate closing = new InvocationGate(1);
        InvocationGate other = new InvocationGate(1);
        closing.submit(CompletableFuture::new);
        AtomicInteger startedAtOther = new AtomicInteger();
        CompletableFuture<String> queued = closing.submit(() -> CompletableFuture.completedFuture("never"));
        CompletableFuture<String> continued = queued.handle((value, notSent) -> notSent)
                .thenCompose(notSent -> other.submit(() -> {
                    startedAtOther.incrementAndGet();
                    return CompletableFuture.completedFuture("dead letter");
                }));

        closing.close();

        assertThatThrownBy(queued::join).hasCauseInstanceOf(InvocationNotSentException.class);
        assertThat(startedAtOther).hasValue(1);
        assertThat(continued).isCompletedWithValue("dead letter");
    }

    /**
     * Whatever follows a call (the exchange's route) runs outside the gate's admission: a continuation that waits for
     * another call of the same gate, submitted from another thread, does not hold that call up.
     */
    @Test
    void aContinuationThatWaitsForAnotherCallOfTheSameGateDoesNotHoldItUp() throws Exception {
        InvocationGate gate = new InvocationGate(2);
        CompletableFuture<String> occupying = new CompletableFuture<>();
        gate.submit(() -> occupying);
        gate.submit(() -> occupying);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch otherCallStarted = new CountDownLatch(1);
            CompletableFuture<Boolean> continuationSawIt = new CompletableFuture<>();
            gate.<String>submit(() -> CompletableFuture.failedFuture(new IllegalArgumentException("not JSON")))
                    .whenComplete((value, failure) -> {
                        threads.execute(() -> gate.submit(() -> {
                            otherCallStarted.countDown();
                            return CompletableFuture.completedFuture("other");
                        }));
                        try {
                            continuationSawIt.complete(otherCallStarted.await(10, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            continuationSawIt.completeExceptionally(e);
                        }
                    });

            threads.execute(() -> occupying.complete("done")); // frees both places: the failing call is admitted there

            assertThat(continuationSawIt.get(20, TimeUnit.SECONDS))
                    .as("the other call started while the continuation waited").isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Stands for the HTTP client's connection-acquire timeout: the call was not carried, nothing was sent. */
    private static final class NoConnection extends RuntimeException {
        NoConnection() {
            super("no connection in time");
        }
    }

    /**
     * Issue 10, defect 9: a client that carries fewer calls than the limit. The calls it could not carry wait again, first
     * in line, under a limit lowered to the calls admitted before them and still running; none fails for it.
     */
    @Test
    void callsTheClientCouldNotCarryWaitAgainUnderALimitLoweredToWhatItCarried() {
        List<String> told = new ArrayList<>();
        InvocationGate gate = new InvocationGate(4, failure -> failure instanceof NoConnection,
                (configured, carried) -> told.add(configured + "->" + carried));
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(gate.submit(() -> {
                CompletableFuture<String> attempt = new CompletableFuture<>();
                attempts.add(attempt);
                return attempt;
            }));
        }
        assertThat(attempts).hasSize(4);

        attempts.get(2).completeExceptionally(new NoConnection()); // the client holds two: the third and fourth wait
        attempts.get(3).completeExceptionally(new NoConnection());

        assertThat(gate.limit()).isEqualTo(2);
        assertThat(told).as("told once a call waits again, not before").isEmpty();
        assertThat(outcomes).noneMatch(CompletableFuture::isDone);
        assertThat(attempts).as("nothing started above the lowered limit").hasSize(4);
        assertThat(gate.waiting()).isEqualTo(3);

        attempts.get(0).complete("first");

        assertThat(attempts).as("the longest waiter went first").hasSize(5);
        assertThat(told).containsExactly("4->2");
        attempts.get(4).complete("third, again");
        assertThat(outcomes.get(2)).isCompletedWithValue("third, again");
        assertThat(outcomes).filteredOn(CompletableFuture::isCompletedExceptionally).isEmpty();
    }

    @Test
    void aFailureOfOtherKindsStillFailsTheCallWhenTheGateRecognisesNotCarriedOnes() {
        InvocationGate gate = new InvocationGate(2, failure -> failure instanceof NoConnection, (c, n) -> {
        });
        CompletableFuture<String> attempt = new CompletableFuture<>();
        CompletableFuture<String> outcome = gate.submit(() -> attempt);

        attempt.completeExceptionally(new IllegalStateException("connection reset"));

        assertThatThrownBy(outcome::join).hasRootCauseMessage("connection reset");
        assertThat(gate.limit()).isEqualTo(2);
    }

    @Test
    void concurrentSubmittersNeverExceedTheLimitAndEveryCallCompletes() throws Exception {
        InvocationGate gate = new InvocationGate(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        ExecutorService completer = Executors.newFixedThreadPool(4);
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            List<CompletableFuture<?>> submitted = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                submitted.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        outcomes.add(gate.submit(() -> {
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            return CompletableFuture.supplyAsync(() -> {
                                inFlight.decrementAndGet();
                                return 1;
                            }, completer);
                        }));
                    }
                }, submitters));
            }
            CompletableFuture.allOf(submitted.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(outcomes.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        } finally {
            completer.shutdownNow();
            submitters.shutdownNow();
        }

        assertThat(outcomes).hasSize(16_000).allMatch(o -> o.join() == 1);
        assertThat(maxInFlight.get()).isBetween(1, 4);
        assertThat(gate.running()).isZero();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void closingFailsEveryQueuedCallAtOnceAsNotSentAndLeavesRunningCallsAlone() {
        InvocationGate gate = new InvocationGate(1);
        CompletableFuture<String> runningCall = new CompletableFuture<>();
        CompletableFuture<String> running = gate.submit(() -> runningCall);
        AtomicInteger queuedStarted = new AtomicInteger();
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(gate.submit(() -> {
                queuedStarted.incrementAndGet();
                return CompletableFuture.completedFuture("sent");
            }));
        }

        gate.close();

        assertThat(queued).allSatisfy(q -> assertThatThrownBy(q::join).hasCauseInstanceOf(InvocationNotSentException.class)
                .hasMessageContaining("the endpoint stopped before the invocation was sent"));
        assertThat(gate.waiting()).isZero();
        assertThat(running).isNotDone();

        runningCall.complete("answer");

        assertThat(running).isCompletedWithValue("answer");
        assertThat(queuedStarted).as("queued calls started after the close").hasValue(0);
        assertThat(gate.running()).isZero();
    }

    @Test
    void aSubmissionToAClosedGateFailsAtOnceWithoutStarting() {
        InvocationGate gate = new InvocationGate(4);
        gate.close();
        AtomicInteger started = new AtomicInteger();

        CompletableFuture<String> late = gate.submit(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("sent");
        });

        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(late::join).hasCauseInstanceOf(InvocationNotSentException.class);
        assertThat(started).hasValue(0);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void submissionsRacingWithCloseEachEndStartedOrNotSentNeverBoth() throws Exception {
        for (int round = 0; round < 20; round++) {
            InvocationGate gate = new InvocationGate(2);
            AtomicInteger started = new AtomicInteger();
            List<CompletableFuture<String>> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService completer = Executors.newFixedThreadPool(2);
            ExecutorService submitters = Executors.newFixedThreadPool(2);
            try {
                List<CompletableFuture<?>> submitted = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    boolean closer = t == 0;
                    submitted.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < 200; i++) {
                            if (closer && i == 100) {
                                gate.close(); // mid-stream: calls are running, queued and arriving on the other thread
                            }
                            outcomes.add(gate.submit(() -> {
                                started.incrementAndGet();
                                return CompletableFuture.supplyAsync(() -> "sent", completer);
                            }));
                        }
                    }, submitters));
                }
                CompletableFuture.allOf(submitted.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
                CompletableFuture.allOf(outcomes.toArray(new CompletableFuture[0])).exceptionally(e -> null)
                        .get(10, TimeUnit.SECONDS);
            } finally {
                completer.shutdownNow();
                submitters.shutdownNow();
            }

            assertThat(outcomes).hasSize(400).allMatch(CompletableFuture::isDone);
            long sent = outcomes.stream().filter(o -> !o.isCompletedExceptionally()).count();
            List<CompletableFuture<String>> failed = outcomes.stream().filter(CompletableFuture::isCompletedExceptionally)
                    .toList();
            assertThat(failed).allSatisfy(o -> assertThatThrownBy(o::join)
                    .hasCauseInstanceOf(InvocationNotSentException.class));
            long notSent = failed.size();
            assertThat(sent).as("calls that completed are the calls that started").isEqualTo(started.get());
            assertThat(sent + notSent).isEqualTo(400);
            assertThat(notSent).as("at least the 100 submitted after the close").isGreaterThanOrEqualTo(100);
            assertThat(gate.waiting()).isZero();
            assertThat(gate.running()).isZero();
        }
    }
}
