package dev.lambdainvoke.bench.load;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * (c) A route {@code direct:invoke → aws2-lambda:<function>?operation=invokeFunction}: Camel's own component, which
 * blocks the calling thread for the whole invocation. Its client gets one connection per calling thread.
 */
final class Aws2LambdaRoute implements BlockingInvocations {

    private static final String ENTRY = "direct:invoke";

    private final CamelContext camel;
    private final Endpoint entry;
    private final Producer producer;

    Aws2LambdaRoute(URI stub, String function, int concurrency) throws Exception {
        camel = new DefaultCamelContext();
        LambdaClient client = SdkClients.blocking(stub, concurrency);
        camel.getRegistry().bind("benchLambdaClient", client);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).to("aws2-lambda:" + function + "?operation=invokeFunction&awsLambdaClient=#benchLambdaClient");
            }
        });
        camel.start();
        entry = camel.getEndpoint(ENTRY);
        producer = entry.createProducer();
        producer.start();
    }

    @Override
    public String invoke() throws Exception {
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
