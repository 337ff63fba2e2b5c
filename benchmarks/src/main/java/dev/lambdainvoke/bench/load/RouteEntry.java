package dev.lambdainvoke.bench.load;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/** The way into a benchmark route: {@code direct:invoke → <target>}, started, and an exchange carrying the body. */
final class RouteEntry {

    private static final String ENTRY = "direct:invoke";

    private final Endpoint endpoint;

    private RouteEntry(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Adds the route to {@code target} and starts the context. */
    static RouteEntry start(CamelContext camel, String target) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).to(target);
            }
        });
        camel.start();
        return new RouteEntry(camel.getEndpoint(ENTRY));
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Exchange newExchange() {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(BenchRequest.BODY);
        return exchange;
    }

    /** Sends one exchange and waits for it; its failure is thrown, its answer returned as text. */
    String sendAndWait(Processor producer) throws Exception {
        Exchange exchange = newExchange();
        producer.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody(String.class);
    }
}
