package dev.lambdainvoke.camel.internal.client;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;

/**
 * One SDK client with its concurrency gate: what a producer calls to invoke. {@link #close()} is the one way to stop it,
 * so that the invoker knows the client goes away on purpose and can say so for each invocation it cuts off.
 */
public final class LambdaInvoker {

    private final LambdaAsyncClient client;
    private final InvocationGate gate;
    /** Closes the client and what was built with it; null for a user's client, which is never closed. */
    private final Runnable closeClient;
    private final AtomicBoolean closing = new AtomicBoolean();
    /**
     * The calls in flight, kept only for a client whose close leaves them running (CRT): closing the invoker then ends
     * them itself. Null otherwise.
     */
    private final Set<Attempt<?, ?>> inFlight;
    /**
     * Where a streamed invocation's outcome is passed on: the SDK ends a stream on the I/O thread that read its last
     * event, and the route must not continue there. The component's completion threads for a client built here.
     */
    private volatile Executor streamCompletions = ForkJoinPool.commonPool();

    private LambdaInvoker(LambdaAsyncClient client, InvocationGate gate, Runnable closeClient, boolean closeEndsCalls) {
        this.client = client;
        this.gate = gate;
        this.closeClient = closeClient;
        this.inFlight = closeClient != null && !closeEndsCalls ? ConcurrentHashMap.newKeySet() : null;
    }

    /**
     * An invoker around a client built for it, whose close fails the calls in flight (Netty); {@link #close()} runs
     * {@code closeClient}.
     */
    public static LambdaInvoker owning(LambdaAsyncClient client, InvocationGate gate, Runnable closeClient) {
        return owning(client, gate, closeClient, true);
    }

    /**
     * An invoker around a client built for it; {@link #close()} runs {@code closeClient}. With
     * {@code closeEndsCallsInFlight} false (CRT, whose close leaves calls in flight running until Lambda answers), the
     * invoker ends each call still in flight itself, as stopped in flight, right after closing the client.
     */
    public static LambdaInvoker owning(LambdaAsyncClient client, InvocationGate gate, Runnable closeClient,
                                       boolean closeEndsCallsInFlight) {
        return new LambdaInvoker(client, gate, closeClient, closeEndsCallsInFlight);
    }

    /** An invoker around a user's client, which {@link #close()} leaves open (its calls in flight carry on). */
    public static LambdaInvoker borrowing(LambdaAsyncClient client, InvocationGate gate) {
        return new LambdaInvoker(client, gate, null, true);
    }

    /**
     * Invokes when the gate has a place; never blocks the caller. Fails with {@link InvocationNotSentException} when the
     * invoker closes before the request is sent, and with {@link InvocationStoppedInFlightException} when it closes while
     * the request waits for its answer.
     */
    public CompletableFuture<InvokeResponse> invoke(InvokeRequest request) {
        return invoke(() -> request);
    }

    /**
     * As {@link #invoke(InvokeRequest)}, building the request only when the gate admits the call: an exchange waiting for a
     * place then holds its body but not a second copy as payload bytes. A failure to build fails the returned future.
     *
     * <p>The returned future is the only one between the SDK's and the caller: the gate completes it from the SDK's.
     */
    public CompletableFuture<InvokeResponse> invoke(RequestBuilder request) {
        Attempt<InvokeRequest, InvokeResponse> attempt = new Attempt<>(request::build, client::invoke);
        gate.submit(attempt);
        return attempt.outcome;
    }

    /**
     * Invokes with {@code InvokeWithResponseStream} through the same gate: the call holds its place until the stream has
     * ended. Each payload chunk goes to {@code sink} as it arrives, on the SDK's thread; the returned future completes on a
     * completion thread, once the stream has ended, with what the stream told (or fails as {@link #invoke} does).
     */
    public CompletableFuture<StreamedAnswer> invokeStreaming(StreamRequestBuilder request, StreamedAnswer.ChunkSink sink) {
        Attempt<InvokeWithResponseStreamRequest, StreamedAnswer> attempt = new Attempt<>(request::build, built -> {
            StreamedAnswer answer = new StreamedAnswer(sink);
            CompletableFuture<Void> streamed = client.invokeWithResponseStream(built, answer);
            CompletableFuture<StreamedAnswer> ended = new CompletableFuture<>();
            streamed.whenCompleteAsync((ignored, failure) -> {
                if (failure != null) {
                    ended.completeExceptionally(failure);
                } else if (closing.get() && answer.completeEvent() == null) {
                    // the close ended the stream before its final event, and the SDK calls that a normal end: say why
                    ended.completeExceptionally(new InvocationStoppedInFlightException(new CancellationException(
                            "the endpoint stopped while the response stream was open")));
                } else {
                    ended.complete(answer);
                }
            }, streamCompletions);
            return ended;
        });
        gate.submit(attempt);
        return attempt.outcome;
    }

    /** Builds the streamed request to send; may fail with the reason the exchange cannot be sent. */
    @FunctionalInterface
    public interface StreamRequestBuilder {
        InvokeWithResponseStreamRequest build() throws Exception;
    }

    /** Streamed invocations end on {@code executor} (the component's completion threads), never on an I/O thread. */
    public LambdaInvoker completingStreamsOn(Executor executor) {
        this.streamCompletions = executor;
        return this;
    }

    /** Builds the request to send; may fail with the reason the exchange cannot be sent. */
    @FunctionalInterface
    public interface RequestBuilder {
        InvokeRequest build() throws Exception;
    }

    /** One invocation through the gate: builds and sends the request, and completes the caller's future. */
    private final class Attempt<R, T> implements InvocationGate.Call<T> {

        private final Callable<R> request;
        private final Function<R, CompletableFuture<T>> send;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        /** The SDK took the request: a failure from now on may be our close cutting it off. */
        private volatile boolean sent;

        Attempt(Callable<R> request, Function<R, CompletableFuture<T>> send) {
            this.request = request;
            this.send = send;
        }

        @Override
        public CompletableFuture<T> start() throws Exception {
            sent = false; // a call the client could not carry starts again
            R built = request.call();
            CompletableFuture<T> call;
            try {
                call = send.apply(built);
            } catch (RuntimeException refused) {
                // the SDK refused before sending anything (a closed client throws here)
                throw closing.get() ? new InvocationNotSentException(InvocationGate.CLOSED) : refused;
            }
            sent = true;
            if (inFlight != null) {
                inFlight.add(this);
                if (closing.get()) {
                    endCallsInFlight(); // close() swept before this call was added: it must not outlive the close
                }
            }
            return call;
        }

        @Override
        public void end(T response, Throwable failure) {
            if (inFlight != null) {
                inFlight.remove(this);
            }
            if (failure == null) {
                outcome.complete(response);
            } else {
                outcome.completeExceptionally(sent && cutOffByClose(failure)
                        ? new InvocationStoppedInFlightException(unwrap(failure)) : failure);
            }
        }

        /** Ends the call now, as stopped in flight; the SDK's outcome, should it come later, is ignored. */
        void stop() {
            outcome.completeExceptionally(new InvocationStoppedInFlightException(new CancellationException(
                    "the HTTP client was closed; it does not end the calls in flight itself")));
        }
    }

    /**
     * A failure without an answer from Lambda while we close the client is ours: the close cut the call off. An answer
     * (an error status) that arrives during the close is still Lambda's and keeps its meaning.
     */
    private boolean cutOffByClose(Throwable failure) {
        return closing.get() && closeClient != null && !(unwrap(failure) instanceof SdkServiceException);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Stops this invoker, once: queued invocations fail as not sent (and so do later ones), then a client built for it
     * is closed, which cuts off the invocations in flight.
     */
    public void close() {
        if (closing.compareAndSet(false, true)) {
            gate.close();
            if (closeClient != null) {
                closeClient.run();
            }
            if (inFlight != null) {
                endCallsInFlight();
            }
        }
    }

    /** Ends each call still in flight as stopped in flight. */
    private void endCallsInFlight() {
        for (Attempt<?, ?> attempt : inFlight) {
            inFlight.remove(attempt);
            attempt.stop();
        }
    }

    /** True once {@link #close()} has begun. */
    public boolean isClosed() {
        return closing.get();
    }

    public LambdaAsyncClient client() {
        return client;
    }

    public InvocationGate gate() {
        return gate;
    }
}
