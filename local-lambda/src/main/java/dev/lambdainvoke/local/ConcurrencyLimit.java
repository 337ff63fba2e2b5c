package dev.lambdainvoke.local;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's reserved concurrency: how many of its invocations may run at once. A synchronous invocation that finds no
 * place is throttled; an asynchronous (Event) one waits in a queue, holding no thread, as Lambda's event queue does.
 */
final class ConcurrencyLimit {

    private final int limit;
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    private ConcurrencyLimit(int limit) {
        this.limit = limit;
    }

    static ConcurrencyLimit unlimited() {
        return new ConcurrencyLimit(Integer.MAX_VALUE);
    }

    static ConcurrencyLimit of(int limit) {
        return new ConcurrencyLimit(limit);
    }

    /** Takes a place if one is free; pair a true answer with {@link #leave()}. */
    boolean tryEnter() {
        while (true) {
            int now = running.get();
            if (now >= limit) {
                return false;
            }
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Runs {@code start} holding a place, now or when one frees up; {@code start} must lead to {@link #leave()}. */
    void enterWhenFree(Runnable start) {
        waiting.add(start);
        startWaiting();
    }

    void leave() {
        running.decrementAndGet();
        startWaiting();
    }

    /** Forgets the invocations still waiting: the host is closing. */
    int dropWaiting() {
        int dropped = 0;
        while (waiting.poll() != null) {
            dropped++;
        }
        return dropped;
    }

    private void startWaiting() {
        while (!waiting.isEmpty() && tryEnter()) {
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet(); // another thread took it; look again
                continue;
            }
            next.run();
        }
    }

    int running() {
        return running.get();
    }
}
