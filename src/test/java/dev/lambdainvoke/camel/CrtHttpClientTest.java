package dev.lambdainvoke.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdainvoke.camel.LocalLambdaRouteTest.Pricer;
import dev.lambdainvoke.camel.internal.client.InvocationGate;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ExchangeEndings;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static dev.lambdainvoke.camel.support.WireMockLambda.throttled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * httpClient=crt end to end, through the real SDK over HTTP: what a route sees of a function on LocalLambda (payload,
 * headers, function errors, the log tail, Event), throttling from WireMock, stopping with invocations in flight and
 * queued, the client it gets, and the one behaviour of the SDK's CRT client that differs from Netty's under timeouts.
 * The failures without an answer are ErrorClassificationTest's, on both clients; TLS and proxies are in
 * TlsVerificationTest and ProxyTest.
 */
@WireMockLambdaTest
class CrtHttpClientTest {

    private static final String CRT = "httpClient=crt";
    private static final CountDownLatch EVENT_RAN = new CountDownLatch(1);

    private static LocalLambda local;
    private static WireMockLambda wire;
    private final ExchangeEndings endings = new ExchangeEndings();

    @BeforeAll
    static void startLambdas() {
        RequestHandler<Object, String> event = (in, context) -> {
            EVENT_RAN.countDown();
            return "ran";
        };
        local = LocalLambda.builder()
                .function(LocalFunction.named("pricer").handler(new Pricer("latest")).version("1", new Pricer("v1"))
                        .alias("prod", "1"))
                .function("event", event)
                .start();
    }

    @AfterAll
    static void stopLambdas() {
        local.close();
    }

    private static CamelHarness againstLocalLambda() throws Exception {
        return CamelHarness.configured(local.endpoint(), c -> c.setHttpClient("crt"));
    }

    @Test
    void requestResponseGivesTheFunctionsResultAndLambdasHeaders() throws Exception {
        try (CamelHarness camel = againstLocalLambda()) {
            Exchange result = camel.send("lambda-invoke:pricer?qualifier=prod", Map.of("sku", "plum", "quantity", 4));

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody(String.class))
                    .isEqualTo("{\"sku\":\"plum\",\"total\":10.0,\"by\":\"v1\"}");
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("1");
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID, String.class)).isNotBlank();
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isNull();
        }
    }

    @Test
    void aFunctionErrorGivesTheErrorPayloadAndTheFunctionErrorHeader() throws Exception {
        try (CamelHarness camel = againstLocalLambda()) {
            Exchange result = camel.send("lambda-invoke:pricer", Map.of("sku", "plum", "quantity", 0));

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
            assertThat(result.getMessage().getBody(String.class))
                    .contains("\"errorMessage\":\"quantity must be at least 1\"")
                    .contains("\"errorType\":\"java.lang.IllegalArgumentException\"");
        }
    }

    @Test
    void failOnFunctionErrorFailsTheExchangeWithTheFunctionsError() throws Exception {
        try (CamelHarness camel = againstLocalLambda()) {
            Exchange result = camel.send("lambda-invoke:pricer?failOnFunctionError=true",
                    Map.of("sku", "plum", "quantity", 0));

            assertThat(result.getException()).isInstanceOf(LambdaFunctionErrorException.class);
            LambdaFunctionErrorException error = (LambdaFunctionErrorException) result.getException();
            assertThat(error.getErrorMessage()).isEqualTo("quantity must be at least 1");
            assertThat(error.isRetryable()).isFalse();
        }
    }

    @Test
    void logTypeTailGivesTheDecodedLogTail() throws Exception {
        try (CamelHarness camel = againstLocalLambda()) {
            Exchange result = camel.send("lambda-invoke:pricer?logType=Tail", Map.of("sku", "pear", "quantity", 1));

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class))
                    .startsWith("START RequestId: ").contains("\npricing 1 x pear (latest)\n")
                    .contains("\nREPORT RequestId: ");
        }
    }

    @Test
    void eventIsAcceptedWith202AndTheBodyStaysAsItWas() throws Exception {
        try (CamelHarness camel = againstLocalLambda()) {
            Exchange result = camel.send("lambda-invoke:event?invocationType=Event", "{\"order\":7}");

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(202);
            assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"order\":7}");
            assertThat(EVENT_RAN.await(10, TimeUnit.SECONDS)).as("the function ran after the 202").isTrue();
        }
    }

    @Test
    void throttlingIsARetryableThrottledExceptionWithRetryAfter() throws Exception {
        wire.stub(invoke("orders").willReturn(throttled(3, "ReservedFunctionConcurrentInvocationLimitExceeded")));
        try (CamelHarness camel = CamelHarness.against(wire.endpoint())) {
            Exchange result = camel.send("lambda-invoke:orders?" + CRT, "{}");

            assertThat(result.getException()).isInstanceOf(LambdaThrottledException.class);
            LambdaThrottledException e = (LambdaThrottledException) result.getException();
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(e.getStatusCode()).isEqualTo(429);
        }
        assertThat(wire.requestCount()).as("the SDK does not retry").isEqualTo(1);
    }

    @Test
    void anEndpointOnCrtGetsAClientOfItsOwnAndNoNettyThreadsAreMade() throws Exception {
        wire.stub(invoke("orders").willReturn(ok("\"ok\"")));
        try (CamelHarness camel = CamelHarness.against(wire.endpoint())) {
            assertThat(camel.send("lambda-invoke:orders?" + CRT, "{}").getMessage().getBody()).isEqualTo("\"ok\"");

            assertThat(nettyIoThreads()).as("the shared Netty I/O threads, made for Netty clients only").isEmpty();
            assertThat(camel.component().getClients().status()).singleElement()
                    .satisfies(client -> assertThat(client.client()).contains("httpClient=crt"));

            assertThat(camel.send("lambda-invoke:orders", "{}").getMessage().getBody()).isEqualTo("\"ok\"");
            assertThat(camel.component().getClients().size()).as("netty and crt: two clients").isEqualTo(2);
        }
    }

    private static List<String> nettyIoThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("lambda-invoke-io")).toList();
    }

    @Test
    void gracefulStopWaitsForTheInvocationsInFlight() throws Exception {
        wire.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(1000)));
        CamelHarness camel = CamelHarness.against(wire.endpoint(), route("lambda-invoke:orders?" + CRT));
        for (int i = 0; i < 4; i++) {
            endings.sendAsync(camel.template(), "direct:start", "{}");
        }
        wire.awaitRequestCount(4, Duration.ofSeconds(30));

        camel.close();

        assertThat(endings.byExchange()).hasSize(4);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly("ok"));
    }

    /**
     * The SDK's CRT client leaves a call running when its client is closed (Netty's fails it): the invoker ends such
     * calls itself, so a forced stop ends each exchange exactly once, as with Netty, and does not wait for Lambda.
     */
    @Test
    void forcedStopEndsInvocationsInFlightAsStoppedInFlightAndQueuedOnesAsNotSent() throws Exception {
        int maxConcurrency = 2;
        int exchanges = 6;
        String uri = "lambda-invoke:orders?" + CRT + "&maxConcurrency=" + maxConcurrency;
        wire.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(20_000)));
        CamelHarness camel = CamelHarness.against(wire.endpoint(), route(uri));
        camel.context().getShutdownStrategy().setTimeout(1);
        camel.context().getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        for (int i = 0; i < exchanges; i++) {
            endings.sendAsync(camel.template(), "direct:start", "{\"n\":" + i + "}");
        }
        InvocationGate gate = camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class).invoker().gate();
        wire.awaitRequestCount(maxConcurrency, Duration.ofSeconds(30));
        Await.until(Duration.ofSeconds(30), () -> "queued: " + gate.waiting(),
                () -> gate.waiting() == exchanges - maxConcurrency);
        Instant stopping = Instant.now();

        camel.close(); // forced after 1 s: the gate closes, the client closes, the invoker ends what is in flight
        endings.awaitAllEnded(Duration.ofSeconds(10));

        assertThat(Duration.between(stopping, Instant.now())).as("ended long before Lambda answers")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(endings.byExchange()).hasSize(exchanges);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).hasSize(1));
        assertThat(endings.count("LambdaInvokeException:" + LambdaInvokeException.STOPPED_IN_FLIGHT))
                .isEqualTo(maxConcurrency);
        assertThat(endings.count("LambdaInvokeException:" + LambdaInvokeException.STOPPED_BEFORE_SENDING))
                .isEqualTo(exchanges - maxConcurrency);
        assertThat(endings.all()).allSatisfy(ending -> {
            LambdaInvokeException e = (LambdaInvokeException) ending.failure();
            boolean inFlight = e.getErrorCode().equals(LambdaInvokeException.STOPPED_IN_FLIGHT);
            assertThat(e.isRetryable()).as("retryable exactly when nothing was sent").isEqualTo(!inFlight);
        });
        assertThat(wire.requestCount()).as("requests that reached Lambda").isEqualTo(maxConcurrency);
    }

    /**
     * A known limitation of the SDK's CRT client (2.41; aws-sdk-java-v2 pull request 6919 is the fix): when timeout cuts
     * a call off, the request is not cancelled, and its connection stays taken until Lambda answers. With one connection
     * the next call waits for that answer. Netty closes the connection at the timeout instead. README, "HTTP client".
     */
    @Test
    void aCallCutOffByTimeoutKeepsItsConnectionUntilLambdaAnswers() throws Exception {
        wire.stub(invoke("slow").willReturn(ok("\"slow\"").withFixedDelay(4000)));
        wire.stub(invoke("quick").willReturn(ok("\"quick\"")));
        String options = "?" + CRT + "&maxConcurrency=1&timeout=3s";
        try (CamelHarness camel = CamelHarness.against(wire.endpoint())) {
            Exchange slow = camel.send("lambda-invoke:slow" + options, "{}");
            assertThat(slow.getException()).isInstanceOf(LambdaInvokeException.class);
            assertThat(((LambdaInvokeException) slow.getException()).getErrorCode())
                    .isEqualTo(LambdaInvokeException.TIMEOUT);

            Exchange quick = camel.send("lambda-invoke:quick" + options, "{}");

            assertThat(quick.getException()).isNull();
            assertThat(quick.getMessage().getBody(String.class)).isEqualTo("\"quick\"");
        }
        List<Instant> arrivals = wire.arrivals();
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.between(arrivals.get(0), arrivals.get(1)))
                .as("the second request left only once the first one's answer had come, 4 s after it arrived")
                .isGreaterThanOrEqualTo(Duration.ofMillis(3900));
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("direct:start").to(uri);
            }
        };
    }
}
