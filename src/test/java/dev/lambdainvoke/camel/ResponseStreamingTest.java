package dev.lambdainvoke.camel;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.lambdainvoke.camel.internal.client.InvocationGate;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.EventStreamFrames;
import dev.lambdainvoke.camel.support.GeneratedEventStreamServer;
import dev.lambdainvoke.camel.support.HeldEventStreamServer;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.lambdainvoke.camel.support.EventStreamFrames.stream;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code responseStreaming=true}: InvokeWithResponseStream through the real SDK against event streams it decodes. */
@WireMockLambdaTest
class ResponseStreamingTest {

    private static WireMockLambda lambda;

    private static void answers(String function, byte[] eventStream) {
        lambda.stub(post(urlPathEqualTo(EventStreamFrames.path(function))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", EventStreamFrames.CONTENT_TYPE).withHeader("x-amzn-RequestId", "req-s")
                .withHeader("X-Amz-Executed-Version", "3").withBody(eventStream)));
    }

    private static CamelHarness route(String uri) throws Exception {
        return CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
    }

    @Test
    void theStreamedChunksBecomeAStreamCacheBodyWithTheResultHeaders() throws Exception {
        String log = "START\nstreamed\nEND\n";
        answers("f", stream().chunk("{\"part\":").chunk("1}").complete(null, null,
                Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8))).toByteArray());
        try (CamelHarness camel = route("lambda-invoke:f?responseStreaming=true&logType=Tail")) {
            Exchange done = camel.send("direct:in", "{\"q\":1}");

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody()).isInstanceOf(StreamCache.class);
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("{\"part\":1}");
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID)).isEqualTo("req-s");
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("3");
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL)).isEqualTo(log);
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isNull();
        }
        lambda.server().verify(postRequestedFor(urlPathEqualTo(EventStreamFrames.path("f"))));
    }

    @Test
    void aFunctionErrorInTheFinalEventSetsTheHeaderAndKeepsTheStreamedBody() throws Exception {
        answers("f", stream().chunk("partial").complete("Unhandled",
                "{\"errorType\":\"Boom\",\"errorMessage\":\"it broke\"}", null).toByteArray());
        try (CamelHarness camel = route("lambda-invoke:f?responseStreaming=true")) {
            Exchange done = camel.send("direct:in", "{}");

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("partial");
        }
    }

    @Test
    void aFunctionErrorInTheFinalEventFailsTheExchangeWithFailOnFunctionError() throws Exception {
        answers("f", stream().chunk("partial").complete("Unhandled",
                "{\"errorType\":\"Boom\",\"errorMessage\":\"it broke\"}", null).toByteArray());
        try (CamelHarness camel = route("lambda-invoke:f?responseStreaming=true&failOnFunctionError=true")) {
            Exchange done = camel.send("direct:in", "{\"q\":1}");

            assertThat(done.getException()).isInstanceOfSatisfying(LambdaFunctionErrorException.class, e -> {
                assertThat(e.getFunctionError()).isEqualTo("Unhandled");
                assertThat(e.getErrorType()).isEqualTo("Boom");
                assertThat(e.getErrorMessage()).isEqualTo("it broke");
                assertThat(e.getRequestId()).isEqualTo("req-s");
                assertThat(e.isRetryable()).isFalse();
            });
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("{\"q\":1}");
        }
    }

    @Test
    void aPayloadOverLambdasLimitFailsBeforeAnythingIsStreamed() throws Exception {
        answers("f", stream().chunk("never").complete(null, null, null).toByteArray());
        try (CamelHarness camel = route("lambda-invoke:f?responseStreaming=true")) {
            Exchange done = camel.send("direct:in", new byte[6_291_457]);

            assertThat(done.getException()).isInstanceOfSatisfying(LambdaInvokeException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.PAYLOAD_TOO_LARGE);
                assertThat(e.isRetryable()).isFalse();
            });
            assertThat(lambda.requestCount()).isZero();
        }
    }

    @Test
    void aStreamThatEndsWithoutItsFinalEventFailsWithStreamInterrupted() throws Exception {
        answers("f", stream().chunk("half of it").toByteArray());
        try (CamelHarness camel = route("lambda-invoke:f?responseStreaming=true")) {
            Exchange done = camel.send("direct:in", "{\"q\":1}");

            assertThat(done.getException()).isInstanceOfSatisfying(LambdaInvokeException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.STREAM_INTERRUPTED);
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getStatusCode()).isEqualTo(200);
                assertThat(e.getMessage()).doesNotContain("half of it");
            });
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("{\"q\":1}");
        }
    }

    @Test
    void eventWithResponseStreamingStopsTheRouteAtStartUp() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(),
                "lambda-invoke:f?responseStreaming=true&invocationType=Event");

        assertThat(failure).hasStackTraceContaining("responseStreaming").hasStackTraceContaining("invocationType=Event");
        assertThat(lambda.requestCount()).isZero();
    }

    @Test
    void resultJsonataWithResponseStreamingStopsTheRouteAtStartUp() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(),
                "lambda-invoke:f?responseStreaming=true&resultJsonata=$");

        assertThat(failure).hasStackTraceContaining("'resultJsonata' and 'responseStreaming' cannot be used together");
        assertThat(lambda.requestCount()).isZero();
    }

    @Test
    void aStreamedCallHoldsItsMaxConcurrencyPlaceUntilItsStreamHasEnded() throws Exception {
        String uri = "lambda-invoke:held?responseStreaming=true&maxConcurrency=1";
        Map<String, List<String>> bodies = new ConcurrentHashMap<>();
        try (HeldEventStreamServer server = new HeldEventStreamServer();
             CamelHarness camel = CamelHarness.against(server.endpoint());
             AsyncSender sender = AsyncSender.to(camel.context(), uri)) {
            InvocationGate gate = camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class).invoker().gate();
            sender.send(e -> e.getMessage().setBody("{\"n\":1}"), e -> bodies.computeIfAbsent("first",
                    k -> new CopyOnWriteArrayList<>()).add(String.valueOf(e.getMessage().getBody(String.class))));
            Await.until(Duration.ofSeconds(10), () -> "the first stream open, events " + server.events(),
                    () -> server.arrived() == 1);

            sender.send(e -> e.getMessage().setBody("{\"n\":2}"), e -> bodies.computeIfAbsent("second",
                    k -> new CopyOnWriteArrayList<>()).add(String.valueOf(e.getMessage().getBody(String.class))));
            Await.until(Duration.ofSeconds(10), () -> "the second waiting at the gate, was " + gate.waiting(),
                    () -> gate.waiting() == 1);

            // its answer head and first chunk came long ago; the stream is still open, so the place is still taken
            assertThat(gate.running()).isEqualTo(1);
            assertThat(server.arrived()).as("the second has not reached the server").isEqualTo(1);
            assertThat(sender.completed()).isZero();

            server.release();
            sender.awaitCompleted(2, Duration.ofSeconds(30));
            assertThat(server.events()).containsExactly("arrived 1", "ended 1", "arrived 2", "ended 2");
            assertThat(sender.completed()).as("each exchange ended once").isEqualTo(2);
        }
        assertThat(bodies).containsOnly(Map.entry("first", List.of("first-1;last-1")),
                Map.entry("second", List.of("first-2;last-2")));
    }

    /** The stop closes the client and, with the last client, the completion threads: the cut-off stream still ends. */
    @Test
    void aStreamCutOffByItsEndpointStoppingEndsItsExchangeOnce() throws Exception {
        String uri = "lambda-invoke:held?responseStreaming=true";
        List<Exception> endings = new CopyOnWriteArrayList<>();
        try (HeldEventStreamServer server = new HeldEventStreamServer();
             CamelHarness camel = CamelHarness.against(server.endpoint());
             AsyncSender sender = AsyncSender.to(camel.context(), uri)) {
            sender.send(e -> e.getMessage().setBody("{\"n\":1}"), e -> endings.add(e.getException()));
            Await.until(Duration.ofSeconds(10), () -> "the stream open, events " + server.events(),
                    () -> server.arrived() == 1);

            camel.context().getEndpoint(uri).stop();

            sender.awaitCompleted(1, Duration.ofSeconds(10));
            assertThat(sender.completed()).as("ended once").isEqualTo(1);
        }
        assertThat(endings).singleElement().isInstanceOfSatisfying(LambdaInvokeException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.STOPPED_IN_FLIGHT);
            assertThat(e.isRetryable()).isFalse();
        });
    }

    @Test
    @Timeout(60)
    void twoHundredMegabytesStreamThroughARouteWithTheHeapBounded() throws Exception {
        int chunkSize = 64 * 1024;
        int chunks = 200 * 1024 * 1024 / chunkSize;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakAfterGc = new AtomicLong();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        // measured while the stream is under way: every 40 MB, the server waits while the heap is collected and read
        try (GeneratedEventStreamServer server = new GeneratedEventStreamServer(chunks, chunkSize, written -> {
            if (written % (40L * 1024 * 1024) == 0) {
                System.gc();
                peakAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            }
        }); CamelHarness camel = CamelHarness.against(server.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                // the body is read inside the route: the spool file is deleted when the exchange completes
                from("direct:in").to("lambda-invoke:big?responseStreaming=true").process(e -> {
                    StreamCache body = e.getMessage().getBody(StreamCache.class);
                    e.setProperty("inMemory", body.inMemory());
                    e.setProperty("length", body.length());
                    e.setProperty("read", readInOrder((InputStream) body));
                });
            }
        })) {
            Exchange done = camel.send("direct:in", "{}");

            assertThat(done.getException()).isNull();
            assertThat(done.getProperty("inMemory")).isEqualTo(false);
            assertThat(done.getProperty("length")).isEqualTo((long) chunks * chunkSize);
            assertThat(done.getProperty("read")).as("bytes read back in order").isEqualTo((long) chunks * chunkSize);
        }
        java.nio.file.Path spool = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "camel", "lambda-invoke");
        try (var left = java.nio.file.Files.list(spool)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("spool file deleted with the exchange")
                    .noneMatch(name -> name.startsWith("lambda-invoke-stream-"));
        }
        // a copy of the answer in memory would add 200 MB; what the stream may hold at once is a few buffers
        assertThat(peakAfterGc.get() - before).isLessThan(48L * 1024 * 1024);
    }

    /** The bytes read, or -1 as soon as one is not the generator's {@code (byte) position}. */
    private static long readInOrder(InputStream in) throws java.io.IOException {
        long read = 0;
        byte[] buffer = new byte[256 * 1024];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; read += n) {
                for (int i = 0; i < n; i += 4093) {
                    if (buffer[i] != (byte) (read + i)) {
                        return -1;
                    }
                }
            }
        }
        return read;
    }
}
