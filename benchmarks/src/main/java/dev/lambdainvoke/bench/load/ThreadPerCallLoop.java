package dev.lambdainvoke.bench.load;

import java.util.ArrayList;
import java.util.List;

/** Drives a blocking client the only way it can be: one thread per invocation in flight, each calling in a loop. */
final class ThreadPerCallLoop implements LoadDriver {

    private final BlockingInvocations invocations;
    private final int concurrency;
    private final LoadCounters counters;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ThreadPerCallLoop(BlockingInvocations invocations, int concurrency, LoadCounters counters) {
        this.invocations = invocations;
        this.concurrency = concurrency;
        this.counters = counters;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < concurrency; i++) {
            Thread caller = new Thread(this::callInALoop, "caller-" + i);
            caller.setDaemon(true);
            threads.add(caller);
            caller.start();
        }
    }

    private void callInALoop() {
        while (running) {
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                invocations.invoke();
            } catch (Throwable t) {
                failure = t;
            }
            counters.record(started, failure);
            if (failure != null) {
                return; // as ClosedLoop: a failing caller stops
            }
        }
    }

    @Override
    public void stopAndDrain() throws Exception {
        running = false;
        for (Thread caller : threads) {
            caller.join();
        }
    }
}
