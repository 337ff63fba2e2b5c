package dev.lambdainvoke.camel.internal.client;

/**
 * An invocation that never left: its invoker was closed (or not yet open) before the request was sent, so the function
 * cannot have run because of it.
 */
public final class InvocationNotSentException extends IllegalStateException {

    public InvocationNotSentException(String reason) {
        super(reason);
    }
}
