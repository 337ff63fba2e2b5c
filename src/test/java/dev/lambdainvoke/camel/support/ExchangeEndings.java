package dev.lambdainvoke.camel.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.lambdainvoke.camel.LambdaInvokeException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Synchronization;

/**
 * How often, and how, each exchange ended, by exchange id: Camel's {@link Synchronization} runs once per ending, so an
 * exchange that ends twice (or never) shows. For "nothing is lost, each exchange ends exactly once".
 */
public final class ExchangeEndings {

    /** One ending: "ok", or the exception's simple class name and error code; the exception itself when there was one. */
    public record Ending(String how, Throwable failure) {
    }

    private final Map<String, List<Ending>> endings = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();

    /** Sends {@code body} to {@code uri} without waiting, recording how the exchange ends. */
    public void sendAsync(ProducerTemplate template, String uri, Object body) {
        sent.incrementAndGet();
        template.asyncSend(uri, e -> {
            e.getMessage().setBody(body);
            e.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange exchange) {
                    record(exchange);
                }

                @Override
                public void onFailure(Exchange exchange) {
                    record(exchange);
                }
            });
        });
    }

    private void record(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String how = failure == null ? "ok"
                : failure.getClass().getSimpleName()
                  + (failure instanceof LambdaInvokeException l ? ":" + l.getErrorCode() : "");
        endings.computeIfAbsent(exchange.getExchangeId(), id -> new CopyOnWriteArrayList<>()).add(new Ending(how, failure));
        count.incrementAndGet();
    }

    /** Waits until every exchange sent through {@link #sendAsync} has ended at least once. */
    public void awaitAllEnded(Duration within) {
        Await.until(within, () -> count.get() + " endings of " + sent.get() + " exchanges sent: " + byExchange(),
                () -> count.get() >= sent.get());
    }

    /** How each exchange ended, every ending in order: exactly once means a one-element list. */
    public Map<String, List<String>> byExchange() {
        return endings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(Ending::how).toList()));
    }

    /** Every ending of every exchange. */
    public List<Ending> all() {
        return endings.values().stream().flatMap(List::stream).toList();
    }

    /** How many endings were {@code how} (e.g. {@code "ok"} or {@code "LambdaInvokeException:StoppedInFlight"}). */
    public long count(String how) {
        return all().stream().filter(e -> e.how().equals(how)).count();
    }
}
