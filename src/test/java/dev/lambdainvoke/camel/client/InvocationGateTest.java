package dev.lambdainvoke.camel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
}
