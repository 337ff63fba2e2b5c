package dev.lambdainvoke.camel.support;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Offers exchanges to an endpoint from one thread without waiting for any of them: each goes through Camel's
 * {@code process(exchange, callback)}, so thousands can be in flight while the sending thread moves on (a
 * {@code ProducerTemplate.asyncSend} would park a pool thread per exchange, which is what load tests must not measure).
 * Counts the callbacks; {@link #awaitCompleted} waits for them with a deadline. Close it to stop the producer.
 */
public final class AsyncSender implements AutoCloseable {

    private final Endpoint endpoint;
    private final AsyncProducer producer;
    private int sent;
    private int completed;

    private AsyncSender(Endpoint endpoint) throws Exception {
        this.endpoint = endpoint;
        this.producer = endpoint.createAsyncProducer();
        producer.start();
    }

    /** A started sender to {@code uri} (e.g. {@code direct:in}). */
    public static AsyncSender to(CamelContext context, String uri) throws Exception {
        return new AsyncSender(context.getEndpoint(uri));
    }

    /**
     * Creates an exchange, lets {@code prepare} fill it, and hands it to the route; {@code done} runs on whichever
     * thread completes it (once per callback Camel makes: a second callback for the same exchange runs it again, which
     * is what tests of "exactly once" look for). Returns the exchange, usually still in flight.
     */
    public Exchange send(Consumer<Exchange> prepare, Consumer<Exchange> done) {
        Exchange exchange = endpoint.createExchange();
        prepare.accept(exchange);
        synchronized (this) {
            sent++;
        }
        producer.process(exchange, doneSync -> {
            try {
                done.accept(exchange);
            } finally {
                countCompletion();
            }
        });
        return exchange;
    }

    /** As {@link #send(Consumer, Consumer)}, with a callback that only counts. */
    public Exchange send(Consumer<Exchange> prepare) {
        return send(prepare, exchange -> {
        });
    }

    private synchronized void countCompletion() {
        completed++;
        notifyAll();
    }

    public synchronized int sent() {
        return sent;
    }

    /** Callbacks so far (all exchanges together). */
    public synchronized int completed() {
        return completed;
    }

    /** Exchanges sent whose callback has not come yet. */
    public synchronized int inFlight() {
        return sent - completed;
    }

    /**
     * Waits until at least {@code count} callbacks have come; fails with what is known when {@code deadline} passes.
     * Wakes on each callback, so it returns as soon as the count is reached.
     */
    public synchronized void awaitCompleted(int count, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (completed < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " exchanges to complete within " + deadline + ", "
                                         + completed + " of " + sent + " did");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        producer.stop();
    }
}
