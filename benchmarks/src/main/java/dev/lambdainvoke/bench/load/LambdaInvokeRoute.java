package dev.lambdainvoke.bench.load;

import java.net.URI;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * (b) A route {@code direct:invoke → lambda-invoke:<function>}, fed through the direct endpoint's async producer, as a
 * consumer route would feed it: no thread waits for an answer.
 */
final class LambdaInvokeRoute implements AsyncInvocations {

    private static final String ENTRY = "direct:invoke";

    private final CamelContext camel;
    private final Endpoint entry;
    private final AsyncProducer producer;

    LambdaInvokeRoute(Http http, URI stub, String function, int concurrency) throws Exception {
        camel = new DefaultCamelContext();
        String uri = "lambda-invoke:" + function + "?maxConcurrency=" + concurrency;
        if (http == Http.CRT) {
            // lambda-invoke has no CRT option: it is given a CRT-built client, as a user would
            LambdaAsyncClient crtClient = SdkClients.async(Http.CRT, stub, concurrency);
            camel.getRegistry().bind("crtLambdaClient", crtClient);
            uri += "&lambdaClient=#crtLambdaClient";
        } else {
            uri += "&endpointOverride=" + stub + "&region=" + BenchRequest.REGION + "&accessKey=RAW("
                   + BenchRequest.ACCESS_KEY + ")&secretKey=RAW(" + BenchRequest.SECRET_KEY + ")";
        }
        String target = uri;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).to(target);
            }
        });
        camel.start();
        entry = camel.getEndpoint(ENTRY);
        producer = entry.createAsyncProducer();
        producer.start();
    }

    @Override
    public void invoke(Completion completion) {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BenchRequest.BODY);
        producer.process(exchange, doneSync -> completion.done(exchange.getException()));
    }

    @Override
    public String invokeOnce() throws Exception {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BenchRequest.BODY);
        producer.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody(String.class);
    }

    @Override
    public void close() throws Exception {
        producer.stop();
        camel.close();
    }
}
