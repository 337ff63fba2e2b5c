package dev.lambdainvoke.bench.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.LambdaMappingException;
import dev.lambdainvoke.camel.internal.LambdaInvokeBinding;
import dev.lambdainvoke.camel.internal.mapping.Invocation;
import dev.lambdainvoke.camel.internal.mapping.JsonCodec;
import dev.lambdainvoke.camel.internal.mapping.JsonataPayloadMapper;
import dev.lambdainvoke.camel.internal.mapping.PassThroughPayloadMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The component's per-message mapping cost, with its real classes, as {@code LambdaInvokeProducer} uses them: a payload
 * mapper, then {@link Invocation#toRequest} up to the built {@link InvokeRequest}; on the way back
 * {@link LambdaInvokeBinding#clearResults} (which the producer also runs per message) and
 * {@link LambdaInvokeBinding#toMessage}. Nothing is
 * sent; the size check against Lambda's limit (one int comparison) is left out.
 *
 * <p><b>Exchanges.</b> One {@link DefaultCamelContext} per trial, built but never started: creating exchanges needs no
 * started context, and nothing here routes. Each benchmark state holds <em>one</em> {@link DefaultExchange}, reused for
 * every call; a call first resets what it reads (the request benchmarks set the body, one field store; the response
 * benchmark clears the result headers exactly as the producer does before each invocation, and the mapper then
 * overwrites the body). So the figures are the mapping alone, not the cost of an exchange. What a fresh exchange per
 * message would add is measured on its own by {@link #baselineNewExchange}. The message carries one header,
 * {@code tenant}, that the expression reads through {@code $headers}.
 *
 * <p>Each method returns its result (the request, or the mapped body) so that JMH sinks it in a Blackhole: nothing is
 * dead code. The setup checks every path once (the pass-through array is sent as is, both JSONata variants give the
 * same payload, the response lands on the message) and fails the trial otherwise.
 *
 * <p>{@link JsonataBreakdownBenchmark} splits the JSONata path into its stages (parse, Map conversion, evaluate, write).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MappingBenchmark {

    private static final String FUNCTION = MappingFixtures.INVOCATION.function();

    private CamelContext context;
    private Exchange exchange;
    private Message message;

    private byte[] orderBytes;
    private String orderText;
    private Map<String, Object> orderMap;

    private Invocation invocation;
    private PassThroughPayloadMapper passThrough;
    private JsonataPayloadMapper jsonata;
    private LambdaInvokeBinding binding;
    private InvokeResponse response;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        context = new DefaultCamelContext(); // not started: see the class comment
        exchange = new DefaultExchange(context);
        message = exchange.getMessage();
        message.setHeader(MappingFixtures.TENANT_HEADER, MappingFixtures.TENANT);

        orderBytes = MappingFixtures.orderBytes();
        orderText = MappingFixtures.orderText();
        orderMap = (Map<String, Object>) JsonCodec.read(orderBytes);

        invocation = MappingFixtures.INVOCATION;
        passThrough = new PassThroughPayloadMapper();
        jsonata = JsonataPayloadMapper.compile(MappingFixtures.EXPRESSION); // once, as the endpoint does
        LambdaInvokeConfiguration config = new LambdaInvokeConfiguration();
        config.setFailOnFunctionError(true);
        binding = LambdaInvokeBinding.of(FUNCTION, config, context, LoggerFactory.getLogger(MappingBenchmark.class));
        response = MappingFixtures.okResponse();

        check();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        context.close();
    }

    /** 1. No expression, byte[] body: the array itself becomes the request's payload. */
    @Benchmark
    public InvokeRequest requestPassThroughBytes() throws LambdaMappingException {
        message.setBody(orderBytes);
        return invocation.toRequest(passThrough.toPayload(exchange, FUNCTION));
    }

    /** 2. No expression, String body: one UTF-8 encode. */
    @Benchmark
    public InvokeRequest requestPassThroughString() throws LambdaMappingException {
        message.setBody(orderText);
        return invocation.toRequest(passThrough.toPayload(exchange, FUNCTION));
    }

    /** 3. JSONata over a 1 KB JSON document given as bytes: parse, evaluate, write. */
    @Benchmark
    public InvokeRequest requestJsonataBytes() throws LambdaMappingException {
        message.setBody(orderBytes);
        return invocation.toRequest(jsonata.toPayload(exchange, FUNCTION));
    }

    /** 4. The same expression over the same document already as a java.util.Map: no text to parse. */
    @Benchmark
    public InvokeRequest requestJsonataMap() throws LambdaMappingException {
        message.setBody(orderMap);
        return invocation.toRequest(jsonata.toPayload(exchange, FUNCTION));
    }

    /** 5. A 200 RequestResponse answer with a 1 KB payload onto the message: headers, then the body as a String. */
    @Benchmark
    public Object responseMapping() throws LambdaInvokeException {
        LambdaInvokeBinding.clearResults(exchange);
        binding.toMessage(response, invocation, exchange);
        return message.getBody();
    }

    /** Not mapping: what creating a fresh exchange per message (instead of reusing one) would cost. */
    @Benchmark
    public Exchange baselineNewExchange() {
        Exchange fresh = new DefaultExchange(context);
        fresh.getMessage().setBody(orderBytes);
        return fresh;
    }

    private void check() throws Exception {
        message.setBody(orderBytes);
        InvokeRequest bytesRequest = requestPassThroughBytes();
        require(bytesRequest.payload().asByteArrayUnsafe() == orderBytes, "pass-through of byte[] copied the body");

        InvokeRequest textRequest = requestPassThroughString();
        require(Arrays.equals(textRequest.payload().asByteArrayUnsafe(), orderBytes), "pass-through of String changed it");

        String fromBytes = requestJsonataBytes().payload().asUtf8String();
        String fromMap = requestJsonataMap().payload().asUtf8String();
        require(fromBytes.equals(fromMap), "JSONata gives " + fromBytes + " from bytes but " + fromMap + " from a Map");
        require(fromBytes.contains("\"tenant\":\"" + MappingFixtures.TENANT + "\"")
                && fromBytes.contains("\"items\":[{"), "unexpected JSONata result " + fromBytes);
        require(requestJsonataBytes().payload().asUtf8String().equals(fromBytes), "JSONata result not stable");

        Object body = responseMapping();
        require(orderText.equals(body), "response body is not the payload");
        require(Integer.valueOf(200).equals(message.getHeader(LambdaInvokeConstants.STATUS_CODE))
                && message.getHeader(LambdaInvokeConstants.REQUEST_ID) != null
                && "$LATEST".equals(message.getHeader(LambdaInvokeConstants.EXECUTED_VERSION)),
                "response headers not set: " + message.getHeaders());
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
