package dev.lambdainvoke.camel.internal.client;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.utils.ThreadFactoryBuilder;

/**
 * The threads that complete invocations for the clients the component builds, Netty or CRT (the SDK's
 * {@code FUTURE_COMPLETION_EXECUTOR}), and so run the route after lambda-invoke. The SDK's default pool queues 1,000
 * answers and has at most 64 threads; past that it completes on the thread that read the answer, a Netty I/O thread, where
 * a slow route step stalls every connection that thread serves. This pool never refuses: a fixed number of threads, and
 * an unbounded queue of answers waiting for one (each a small task: the exchanges themselves are in flight anyway).
 *
 * <p>The one place to change how answers reach the route (thread count, or no pool at all).
 */
final class CompletionThreads {

    static final String NAME_PREFIX = "lambda-invoke-completion";
    // as many as the SDK's default pool keeps in normal use: route steps after lambda-invoke should not block for long
    private static final int THREADS = Math.max(8, Runtime.getRuntime().availableProcessors());
    private static final long IDLE_SECONDS = 10;

    private final ThreadPoolExecutor pool;

    CompletionThreads() {
        pool = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadFactoryBuilder().threadNamePrefix(NAME_PREFIX).daemonThreads(true).build(),
                // only after shutdown (the last client closed under calls it cut off): the caller passes the outcome on
                // itself, so that those exchanges still end, rather than a refused task leaving them waiting for ever
                (task, refusedBy) -> task.run());
        pool.allowCoreThreadTimeOut(true); // an idle component keeps none
    }

    Executor executor() {
        return pool;
    }

    /** Answers read and waiting for a completion thread: a backlog here means the route after lambda-invoke is slow. */
    int waiting() {
        return pool.getQueue().size();
    }

    /** Completes what is queued, then the threads end; only when no client uses the pool any more. */
    void shutdown() {
        pool.shutdown();
    }
}
