package dev.lambdainvoke.camel.internal.client;

import java.util.concurrent.atomic.AtomicBoolean;

/** An endpoint's hold on a shared invoker; closing it lets the cache close the client once nobody holds it. */
public final class ClientLease implements AutoCloseable {

    private final LambdaInvoker invoker;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClientLease(LambdaInvoker invoker, Runnable release) {
        this.invoker = invoker;
        this.release = release;
    }

    public LambdaInvoker invoker() {
        return invoker;
    }

    /** Releases the hold once; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
