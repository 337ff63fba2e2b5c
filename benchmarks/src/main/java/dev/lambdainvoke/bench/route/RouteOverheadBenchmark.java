package dev.lambdainvoke.bench.route;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * What a Camel route through lambda-invoke costs per message on top of the SDK call itself: the client is replaced by
 * one that answers at once on the calling thread, so that everything measured is Camel's routing and the component's
 * own work (gate, request building, response mapping, headers). The load benchmark's (b) − (a) is this plus whatever
 * the two add to the SDK's own threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class RouteOverheadBenchmark {

    static final String BODY = "{\"orderId\":\"A-1042\",\"customer\":{\"id\":\"C-77\",\"tier\":\"gold\"},\"total\":149.85}";

    private CamelContext camel;
    private Endpoint entry;
    private AsyncProducer producer;

    /** Answers every invocation at once, as Lambda would with a small payload. */
    static final class AnsweringClient implements LambdaAsyncClient {
        private final InvokeResponse answer = (InvokeResponse) InvokeResponse.builder().statusCode(200)
                .executedVersion("$LATEST").payload(SdkBytes.fromUtf8String("{\"status\":\"ACCEPTED\"}"))
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(200).putHeader("x-amzn-RequestId", "r-1").build())
                .build();

        @Override
        public CompletableFuture<InvokeResponse> invoke(InvokeRequest request) {
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public String serviceName() {
            return "lambda";
        }

        @Override
        public void close() {
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("answering", new AnsweringClient());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invoke").to("lambda-invoke:orders?lambdaClient=#answering");
            }
        });
        camel.start();
        entry = camel.getEndpoint("direct:invoke");
        producer = entry.createAsyncProducer();
        producer.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        camel.close();
    }

    @Benchmark
    public Object routeThroughLambdaInvoke() throws Exception {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BODY);
        producer.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody();
    }
}
