package dev.lambdainvoke.local;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handlers as Lambda would: on the host's own daemon threads, within the function's reserved concurrency, stopped
 * (interrupted) at the function's timeout by a scheduler, each invocation with its own context and log.
 */
final class InvocationRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationRunner.class);

    private final ExecutorService handlerThreads = Executors.newCachedThreadPool(new DaemonThreads("local-lambda-handler"));
    private final ScheduledExecutorService timeouts =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("local-lambda-timeouts"));
    private final Set<CompletableFuture<HandlerOutcome>> running = ConcurrentHashMap.newKeySet();

    /** How the handler call itself ended, before the log is closed and the answer built. */
    private record HandlerOutcome(byte[] payload, Throwable error, boolean timedOut) {
        static final HandlerOutcome TIMED_OUT = new HandlerOutcome(null, null, true);
    }

    /**
     * A synchronous invocation: runs now, or is throttled when the function's reserved concurrency is used up. The place
     * is given back before the returned future completes, so a caller that got its answer may invoke again at once.
     */
    CompletableFuture<InvocationResult> invokeNow(LocalInvocation invocation) throws LambdaApiError {
        return invokeNow(invocation, null);
    }

    /**
     * As {@link #invokeNow(LocalInvocation)}; with a {@code stream}, the handler writes its response there (a streamed
     * invocation) and the result's payload is empty unless the invocation failed.
     */
    CompletableFuture<InvocationResult> invokeNow(LocalInvocation invocation, PayloadChunkStream stream)
            throws LambdaApiError {
        ConcurrencyLimit limit = invocation.target().function().concurrency();
        if (!limit.tryEnter()) {
            throw LambdaApiError.reservedConcurrencyExceeded();
        }
        return run(invocation, stream).whenComplete((result, failure) -> limit.leave());
    }

    /** An Event invocation: runs when the function has a place free; its outcome is only logged. */
    void invokeLater(LocalInvocation invocation) {
        ConcurrencyLimit limit = invocation.target().function().concurrency();
        limit.enterWhenFree(() -> run(invocation, null).whenComplete((result, failure) -> {
            limit.leave();
            logEventOutcome(invocation, result, failure);
        }));
    }

    private CompletableFuture<InvocationResult> run(LocalInvocation invocation, PayloadChunkStream stream) {
        DeployedFunction.Target target = invocation.target();
        DeployedFunction function = target.function();
        String requestId = invocation.requestId();
        Duration timeout = function.timeout();
        long started = System.nanoTime();
        InvocationLog log = new InvocationLog(requestId, target.version());
        LocalContext context = new LocalContext(requestId, function.name(), target.version(), invocation.invokedArn(),
                function.logStreamName(target.version()), invocation.clientContext(), started + timeout.toNanos(),
                new FunctionLogger(log, function.logger(), requestId), invocation.tenantId());

        CompletableFuture<HandlerOutcome> outcome = new CompletableFuture<>();
        running.add(outcome);
        try {
            Future<?> handlerCall = handlerThreads.submit(() -> callHandler(target, invocation.payload(), stream, context, outcome));
            ScheduledFuture<?> deadline = timeouts.schedule(() -> {
                if (outcome.complete(HandlerOutcome.TIMED_OUT)) {
                    if (stream != null) {
                        stream.seal(); // before the interrupt: what the handler writes after its timeout is not sent
                    }
                    handlerCall.cancel(true); // Lambda stops the function; the nearest a JVM can do is interrupt it
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            outcome.whenComplete((done, failure) -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            outcome.completeExceptionally(new CancellationException("LocalLambda is closed"));
        }
        return outcome.handle((done, failure) -> {
            running.remove(outcome);
            if (failure != null) {
                throw new CancellationException("LocalLambda closed before invocation " + requestId + " ended");
            }
            return result(done, invocation, log, System.nanoTime() - started);
        });
    }

    private static void callHandler(DeployedFunction.Target target, byte[] payload, PayloadChunkStream stream,
                                    LocalContext context, CompletableFuture<HandlerOutcome> outcome) {
        target.function().countInvocation();
        try {
            byte[] response;
            if (stream == null) {
                response = target.handler().handle(payload, context);
            } else {
                target.handler().stream(payload, stream, context);
                response = new byte[0];
            }
            outcome.complete(new HandlerOutcome(response, null, false));
        } catch (Throwable error) {
            // after a timeout this is usually the interrupt; the timeout answered already and complete() is a no-op
            outcome.complete(new HandlerOutcome(null, error, false));
        }
    }

    private static InvocationResult result(HandlerOutcome outcome, LocalInvocation invocation, InvocationLog log,
                                           long elapsedNanos) {
        DeployedFunction function = invocation.target().function();
        String version = invocation.target().version();
        if (outcome.timedOut()) {
            log.timedOut(FunctionErrors.seconds(function.timeout()));
            return InvocationResult.unhandled(FunctionErrors.timedOut(invocation.requestId(), function.timeout()),
                    "Sandbox.Timedout", version, log.end(elapsedNanos, true));
        }
        if (outcome.error() != null) {
            String errorText = FunctionErrors.logText(outcome.error());
            log.append(errorText);
            function.logger().debug("{} {}", invocation.requestId(), errorText);
            return InvocationResult.unhandled(FunctionErrors.thrown(outcome.error()),
                    outcome.error().getClass().getName(), version, log.end(elapsedNanos, false));
        }
        byte[] payload = outcome.payload();
        if (payload.length > FunctionErrors.MAX_RESPONSE_BYTES) {
            return InvocationResult.unhandled(FunctionErrors.responseTooLarge(payload.length),
                    "Function.ResponseSizeTooLarge", version, log.end(elapsedNanos, false));
        }
        return InvocationResult.success(payload, version, log.end(elapsedNanos, false));
    }

    private static void logEventOutcome(LocalInvocation invocation, InvocationResult result, Throwable failure) {
        String function = invocation.target().function().name();
        if (failure != null) {
            LOG.debug("Event invocation {} of {} did not end: {}", invocation.requestId(), function, failure.getMessage());
        } else if (result.functionError() != null) {
            // the error type only: the error message may quote the payload
            LOG.warn("Event invocation {} of {} (version {}) failed: {}", invocation.requestId(), function,
                    result.executedVersion(), result.errorType());
        } else {
            LOG.debug("Event invocation {} of {} (version {}) succeeded", invocation.requestId(), function,
                    result.executedVersion());
        }
    }

    /** Ends every running invocation (their callers get a failure) and stops the threads, interrupting handlers. */
    @Override
    public void close() {
        CancellationException cancelled = new CancellationException("LocalLambda closed");
        running.forEach(outcome -> outcome.completeExceptionally(cancelled));
        timeouts.shutdownNow();
        handlerThreads.shutdownNow();
    }
}
