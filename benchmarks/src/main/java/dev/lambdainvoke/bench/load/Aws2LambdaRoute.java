package dev.lambdainvoke.bench.load;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * (c) A route {@code direct:invoke → aws2-lambda:<function>?operation=invokeFunction}: Camel's own component, which
 * blocks the calling thread for the whole invocation. Its client gets one connection per calling thread.
 */
final class Aws2LambdaRoute implements BlockingInvocations {

    private final CamelContext camel = new DefaultCamelContext();
    private final LambdaClient client;
    private final RouteEntry entry;
    private final Producer producer;

    Aws2LambdaRoute(URI stub, String function, int concurrency) throws Exception {
        client = SdkClients.blocking(stub, concurrency);
        camel.getRegistry().bind("benchLambdaClient", client);
        entry = RouteEntry.start(camel,
                "aws2-lambda:" + function + "?operation=invokeFunction&awsLambdaClient=#benchLambdaClient");
        producer = entry.endpoint().createProducer();
        producer.start();
    }

    @Override
    public String invoke() throws Exception {
        return entry.sendAndWait(producer);
    }

    @Override
    public void close() throws Exception {
        producer.stop();
        camel.close();
        client.close(); // a bean of ours: Camel leaves it open
    }
}
