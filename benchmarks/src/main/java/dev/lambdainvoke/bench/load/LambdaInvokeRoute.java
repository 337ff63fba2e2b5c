package dev.lambdainvoke.bench.load;

import java.net.URI;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * (b) A route {@code direct:invoke → lambda-invoke:<function>}, fed through the direct endpoint's async producer, as a
 * consumer route would feed it: no thread waits for an answer. Its client is the one the component builds from the
 * URI, on the HTTP client the run asks for.
 */
final class LambdaInvokeRoute implements AsyncInvocations {

    private final CamelContext camel = new DefaultCamelContext();
    private final RouteEntry entry;
    private final AsyncProducer producer;

    LambdaInvokeRoute(Http http, URI stub, String function, int concurrency) throws Exception {
        entry = RouteEntry.start(camel, "lambda-invoke:" + function + "?maxConcurrency=" + concurrency
                                        + "&httpClient=" + http.name().toLowerCase() + "&endpointOverride=" + stub
                                        + "&region=" + BenchRequest.REGION + "&accessKey=RAW(" + BenchRequest.ACCESS_KEY
                                        + ")&secretKey=RAW(" + BenchRequest.SECRET_KEY + ")");
        producer = entry.endpoint().createAsyncProducer();
        producer.start();
    }

    @Override
    public void invoke(Completion completion) {
        Exchange exchange = entry.newExchange();
        producer.process(exchange, doneSync -> completion.done(exchange.getException()));
    }

    @Override
    public String invokeOnce() throws Exception {
        return entry.sendAndWait(producer);
    }

    @Override
    public void close() throws Exception {
        producer.stop();
        camel.close();
    }
}
