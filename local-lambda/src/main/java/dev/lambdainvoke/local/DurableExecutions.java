package dev.lambdainvoke.local;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Durable execution names, as Lambda deduplicates on them: a name runs once per function version; the same name with
 * the same payload gets that execution again (its result, without running the handler), with another payload
 * {@code DurableExecutionAlreadyStartedException} (409).
 */
final class DurableExecutions {

    /** Starts the invocation of a new execution; its result completes the execution's. */
    interface Start {
        CompletableFuture<InvocationResult> run() throws LambdaApiError;
    }

    /** One execution: the payload that started it, its ARN, and its result (null for an Event invocation). */
    record Execution(byte[] payload, String arn, CompletableFuture<InvocationResult> result) {
    }

    private final ConcurrentMap<String, Execution> executions = new ConcurrentHashMap<>();

    /**
     * The execution {@code name} of {@code target}: the one started earlier, or a new one started now by {@code start}.
     * A call that was refused (throttled) or cut short leaves no execution behind, so that trying again can start it.
     */
    Execution execution(DeployedFunction.Target target, String functionArn, String name, byte[] payload, Start start)
            throws LambdaApiError {
        String key = target.function().name() + ":" + target.version() + "/" + name;
        Execution fresh = new Execution(payload.clone(),
                functionArn + ":" + target.version() + "/durable-execution/" + name + "/"
                + UUID.randomUUID().toString().replace("-", ""),
                new CompletableFuture<>());
        Execution earlier = executions.putIfAbsent(key, fresh);
        if (earlier != null) {
            if (!Arrays.equals(earlier.payload(), payload)) {
                throw LambdaApiError.durableExecutionAlreadyStarted(name);
            }
            return earlier;
        }
        CompletableFuture<InvocationResult> result;
        try {
            result = start.run();
        } catch (LambdaApiError | RuntimeException refused) {
            executions.remove(key, fresh);
            fresh.result().completeExceptionally(refused);
            throw refused;
        }
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                executions.remove(key, fresh);
                fresh.result().completeExceptionally(failure);
            } else {
                fresh.result().complete(done);
            }
        });
        return fresh;
    }
}
