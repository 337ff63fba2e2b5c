package dev.lambdainvoke.camel.client;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** One SDK client with its concurrency gate: what a producer calls to invoke. */
public final class LambdaInvoker {

    private final LambdaAsyncClient client;
    private final InvocationGate gate;

    public LambdaInvoker(LambdaAsyncClient client, InvocationGate gate) {
        this.client = client;
        this.gate = gate;
    }

    /** Invokes when the gate has a place; never blocks the caller. */
    public CompletableFuture<InvokeResponse> invoke(InvokeRequest request) {
        return gate.submit(() -> client.invoke(request));
    }

    public LambdaAsyncClient client() {
        return client;
    }

    public InvocationGate gate() {
        return gate;
    }
}
