package dev.lambdainvoke.camel.internal.client;

/**
 * An invocation that was sent and then cut off because its invoker was closed on purpose while it waited for the answer:
 * the function may have run. The cause is what the SDK reported when its client was closed.
 */
public final class InvocationStoppedInFlightException extends IllegalStateException {

    public InvocationStoppedInFlightException(Throwable sdkFailure) {
        super("the client was closed while the invocation was in flight", sdkFailure);
    }
}
