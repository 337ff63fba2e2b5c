package dev.lambdainvoke.camel;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.echo;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "The request", row by row: the exact bytes and headers that reach a Lambda endpoint (WireMock) through the real
 * SDK, for every kind of body, with and without {@code jsonata}, at and over the payload limits, and with the override
 * headers.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class RequestMappingTest {

    private static final String UTF8_TEXT = "héllo \"wörld\" ✓ 😀 — not JSON";

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeEach
    void answer() {
        lambda.stub(invokeAny().willReturn(ok("{}")));
    }

    /** A record stands for any POJO: Jackson writes its properties. */
    public record Order(int id, String name) {
    }

    /** Sends, expects success, and returns the bytes of the one request that reached Lambda. */
    private byte[] sentBytes(String uri, Object body) {
        return sentBytes(uri, body, Map.of());
    }

    private byte[] sentBytes(String uri, Object body, Map<String, Object> headers) {
        Exchange result = camel.send(uri, body, headers);
        assertThat(result.getException()).as("exception of the exchange").isNull();
        return lambda.onlyRequest().getBody();
    }

    private String sentText(String uri, Object body) {
        return new String(sentBytes(uri, body), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonata(String function, String expression) {
        return "lambda-invoke:" + function + "?jsonata=" + raw(expression);
    }

    @Nested
    class WithoutJsonata {

        @Test
        void stringBodyIsSentAsItsUtf8Bytes() {
            assertThat(sentBytes("lambda-invoke:f", UTF8_TEXT)).isEqualTo(utf8(UTF8_TEXT));
        }

        @Test
        void byteArrayBodyIsSentAsIs() {
            byte[] body = { 0x00, (byte) 0xff, '{', '\n', (byte) 0xc3 }; // not even UTF-8
            assertThat(sentBytes("lambda-invoke:f", body)).isEqualTo(body);
        }

        @Test
        void inputStreamBodyIsSentAsIs() {
            assertThat(sentBytes("lambda-invoke:f", new ByteArrayInputStream(utf8(UTF8_TEXT)))).isEqualTo(utf8(UTF8_TEXT));
        }

        @Test
        void byteBufferBodyIsSentAsIsAndItsPositionIsUntouched() {
            ByteBuffer buffer = ByteBuffer.wrap(utf8(UTF8_TEXT));

            byte[] sent = sentBytes("lambda-invoke:f", buffer);

            assertThat(sent).isEqualTo(utf8(UTF8_TEXT));
            assertThat(buffer.position()).isZero();
            assertThat(buffer.remaining()).isEqualTo(utf8(UTF8_TEXT).length);
        }

        @Test
        void streamCacheBodyIsSentWholeOnEveryRedelivery() throws Exception {
            lambda.stub(invoke("f").willReturn(WireMockLambda.awsError(500, "ServiceException", "try again")));
            camel.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(LambdaInvokeException.class).maximumRedeliveries(2).redeliveryDelay(0);
                    from("direct:cached").to("lambda-invoke:f");
                }
            });

            Exchange result = camel.send("direct:cached", new InputStreamCache(utf8(UTF8_TEXT)));

            assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
            assertThat(lambda.requests()).hasSize(3)
                    .allSatisfy(request -> assertThat(request.getBody()).isEqualTo(utf8(UTF8_TEXT)));
        }

        @Test
        void streamCacheBodyIsLeftReadableForTheNextStep() throws Exception {
            // Event keeps the body, so the second endpoint reads the same stream cache again. Camel's stream caching is
            // off in this route: it would reset the cache between steps itself, hiding whether the component does.
            lambda.stub(invokeAny().willReturn(WireMock.aResponse().withStatus(202)));
            camel.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:twice").noStreamCaching().to("lambda-invoke:first?invocationType=Event")
                            .to("lambda-invoke:second?invocationType=Event");
                }
            });

            Exchange result = camel.send("direct:twice", new InputStreamCache(utf8(UTF8_TEXT)));

            assertThat(result.getException()).isNull();
            assertThat(lambda.requests()).extracting(LoggedRequest::getUrl).containsExactly(
                    WireMockLambda.invokePath("first"), WireMockLambda.invokePath("second"));
            assertThat(lambda.requests()).allSatisfy(request -> assertThat(request.getBody()).isEqualTo(utf8(UTF8_TEXT)));
        }

        static Stream<Arguments> valuesWrittenAsJson() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", 7);
            map.put("name", "Zoë");
            map.put("tags", List.of("a", "b"));
            map.put("none", null);
            return Stream.of(
                    Arguments.of("Map", map, "{\"id\":7,\"name\":\"Zoë\",\"tags\":[\"a\",\"b\"],\"none\":null}"),
                    Arguments.of("List", List.of(1, "two", true), "[1,\"two\",true]"),
                    Arguments.of("Integer", 42, "42"),
                    Arguments.of("Long", 9_007_199_254_740_993L, "9007199254740993"),
                    Arguments.of("Double", 2.5, "2.5"),
                    Arguments.of("Boolean", true, "true"),
                    Arguments.of("POJO", new Order(7, "Zoë"), "{\"id\":7,\"name\":\"Zoë\"}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("valuesWrittenAsJson")
        void valueBodyIsWrittenAsJson(String kind, Object body, String json) {
            assertThat(sentText("lambda-invoke:f", body)).isEqualTo(json);
        }

        @Test
        void nullBodySendsAnEmptyJsonObject() {
            assertThat(sentText("lambda-invoke:f", null)).isEqualTo("{}");
        }
    }

    @Nested
    class WithJsonata {

        private static final String ORDER_JSON = "{\"id\": 7, \"name\": \"Zoë\", \"unused\": [1, 2]}";

        static Stream<Arguments> bodiesOfEveryKind() {
            return Stream.of(
                    Arguments.of("String", ORDER_JSON),
                    Arguments.of("byte[]", utf8(ORDER_JSON)),
                    Arguments.of("InputStream", new ByteArrayInputStream(utf8(ORDER_JSON))),
                    Arguments.of("stream cache", new InputStreamCache(utf8(ORDER_JSON))),
                    Arguments.of("Map", Map.of("id", 7, "name", "Zoë", "unused", List.of(1, 2))),
                    Arguments.of("POJO", new Order(7, "Zoë")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("bodiesOfEveryKind")
        void bodyIsReadAsJsonAndTheResultIsSentAsJson(String kind, Object body) {
            assertThat(sentText(jsonata("f", "{\"order\": id, \"who\": name}"), body))
                    .isEqualTo("{\"order\":7,\"who\":\"Zoë\"}");
        }

        @Test
        void headersAreBoundAsDollarHeaders() {
            byte[] sent = sentBytes(jsonata("f", "{\"tenant\": $headers.tenant, \"id\": id}"), "{\"id\": 1}",
                    Map.of("tenant", "acme"));

            assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo("{\"tenant\":\"acme\",\"id\":1}");
        }

        @Test
        void integralNumbersAreWrittenAsIntegers() {
            String sent = sentText(jsonata("f", "{\"total\": qty * price, \"half\": qty / 4, \"sum\": $sum(items)}"),
                    "{\"qty\": 2, \"price\": 1, \"items\": [1.5, 2.5]}");

            assertThat(sent).isEqualTo("{\"total\":2,\"half\":0.5,\"sum\":4}");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("bodiesOfEveryKind")
        void jsonNullsInTheResultAreSentAsNull(String kind, Object body) {
            assertThat(sentText(jsonata("f", "{\"id\": id, \"none\": null, \"list\": [1, null]}"), body))
                    .isEqualTo("{\"id\":7,\"none\":null,\"list\":[1,null]}");
        }

        @Test
        void aResultThatIsJsonNullIsSentAsNullNotTakenForNothing() {
            assertThat(sentText(jsonata("f", "null"), "{\"id\": 1}")).isEqualTo("null");
        }

        @Test
        void expressionIsReadFromAClasspathResource() {
            byte[] sent = sentBytes("lambda-invoke:f?jsonata=resource:classpath:mapping/order.jsonata", "{\"id\": 3}",
                    Map.of("tenant", "acme"));

            assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo("{\"order\":3,\"tenant\":\"acme\"}");
        }

        @Test
        void expressionIsReadFromAFile(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("map.jsonata"), "{\"doubled\": n * 2}");

            String sent = sentText("lambda-invoke:f?jsonata=" + raw("file:" + file.toAbsolutePath()), "{\"n\": 21}");

            assertThat(sent).isEqualTo("{\"doubled\":42}");
        }

        @Test
        void expressionIsReadAndCompiledOnceWhenTheEndpointStarts(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("map.jsonata"), "{\"version\": 1}");
            String uri = "lambda-invoke:f?jsonata=" + raw("file:" + file.toAbsolutePath());
            camel.send(uri, "{}");
            Files.writeString(file, "{\"version\": 2}");

            camel.send(uri, "{}");

            assertThat(lambda.requests()).extracting(r -> r.getBodyAsString())
                    .containsExactly("{\"version\":1}", "{\"version\":1}");
        }

        @Test
        void brokenExpressionStopsTheRouteAtStartUpWithJsonatasMessageAndPosition() throws Exception {
            Throwable failure = CamelHarness.startFailure(lambda.endpoint(), jsonata("f", "{\"a\": "));

            assertThat(OptionValidationTest.messages(failure))
                    .contains("Option 'jsonata' is not a valid JSONata expression: Expected \"}\" before end of "
                              + "expression (code S0203, position ");
            assertThat(lambda.requestCount()).isZero();
        }

        @Test
        void oneCompiledExpressionEvaluatedOnManyThreadsKeepsEveryMessageApart() throws Exception {
            lambda.stub(invoke("echo").willReturn(echo()));
            String uri = jsonata("echo", "{\"t\": $headers.tenant, \"v\": v}");
            int threads = 8;
            int perThread = 500;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> workers = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        go.await();
                        List<String> wrong = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            String tenant = "tenant-" + thread + "-" + i;
                            int value = thread * perThread + i;
                            String expected = "{\"t\":\"" + tenant + "\",\"v\":" + value + "}";
                            Exchange result = camel.send(uri, "{\"v\": " + value + "}", Map.of("tenant", tenant));
                            Object reply = result.getException() != null ? result.getException()
                                    : result.getMessage().getBody(String.class);
                            if (!expected.equals(reply) && wrong.size() < 5) { // a few examples say enough
                                wrong.add("expected " + expected + " got " + reply);
                            }
                        }
                        return wrong;
                    }));
                }
                go.countDown();
                List<String> wrong = new ArrayList<>();
                for (Future<List<String>> worker : workers) {
                    wrong.addAll(worker.get(5, TimeUnit.MINUTES));
                }

                assertThat(wrong).isEmpty();
                assertThat(lambda.requestCount()).isEqualTo(threads * perThread);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class PayloadLimit {

        private ResponseDefinitionBuilder answerTo(String type) {
            switch (type) {
                case "Event":
                    return WireMock.aResponse().withStatus(202);
                case "DryRun":
                    return WireMock.aResponse().withStatus(204);
                default:
                    return ok("{}");
            }
        }

        @ParameterizedTest(name = "{0}: {1} bytes")
        @CsvSource({ "RequestResponse, 6291456", "DryRun, 6291456", "Event, 1048576" })
        void payloadOfExactlyTheLimitIsSent(String type, int limit) {
            lambda.stub(invoke("f").willReturn(answerTo(type)));

            byte[] sent = sentBytes("lambda-invoke:f?invocationType=" + type, "x".repeat(limit));

            assertThat(sent).hasSize(limit);
        }

        @ParameterizedTest(name = "{0}: {1} bytes")
        @CsvSource({ "RequestResponse, 6291456", "DryRun, 6291456", "Event, 1048576" })
        void payloadOverTheLimitFailsBeforeAnythingIsSent(String type, int limit) {
            lambda.stub(invoke("f").willReturn(answerTo(type)));

            Exchange result = camel.send("lambda-invoke:f?invocationType=" + type, "x".repeat(limit + 1));

            assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException e = (LambdaInvokeException) result.getException();
            assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.PAYLOAD_TOO_LARGE);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getStatusCode()).isZero();
            assertThat(e.getFunction()).isEqualTo("f");
            assertThat(e.getMessage()).contains(String.valueOf(limit + 1)).contains(String.valueOf(limit));
            assertThat(lambda.requestCount()).isZero();
        }

        @Test
        void limitAppliesToTheMappedPayload() {
            // a body under the Event limit that maps to {"pad":"x...x"} of 1,048,577 bytes: over it
            String body = "{\"s\":\"" + "x".repeat(1_048_567) + "\"}";

            Exchange result = camel.send(jsonata("f", "{\"pad\": s}") + "&invocationType=Event", body);

            assertThat(body.length()).isLessThan(1_048_576);
            assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
            assertThat(((LambdaInvokeException) result.getException()).getErrorCode())
                    .isEqualTo(LambdaInvokeException.PAYLOAD_TOO_LARGE);
            assertThat(lambda.requestCount()).isZero();
        }
    }

    @Nested
    class OverrideHeaders {

        private static final String CONTEXT = "{\"custom\":{\"tenant\":\"t1\"}}";

        private LoggedRequest sentWith(String uri, String header, Object value) {
            sentBytes(uri, "{}", Map.of(header, value));
            return lambda.onlyRequest();
        }

        private static String overridable(String function) {
            return "lambda-invoke:" + function + "?allowHeaderOverrides=true";
        }

        @Test
        void overrideHeadersAreIgnoredByDefault() {
            Map<String, Object> overrides = Map.of(LambdaInvokeConstants.FUNCTION, "other",
                    LambdaInvokeConstants.QUALIFIER, "prod", LambdaInvokeConstants.INVOCATION_TYPE, "Event",
                    LambdaInvokeConstants.LOG_TYPE, "Tail", LambdaInvokeConstants.CLIENT_CONTEXT, CONTEXT);

            sentBytes("lambda-invoke:f", "{}", overrides);

            LoggedRequest request = lambda.onlyRequest();
            assertThat(request.getUrl()).isEqualTo(WireMockLambda.invokePath("f"));
            assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
            assertThat(request.containsHeader("X-Amz-Log-Type")).as("X-Amz-Log-Type sent").isFalse();
            assertThat(request.containsHeader("X-Amz-Client-Context")).as("X-Amz-Client-Context sent").isFalse();
        }

        @Test
        void functionHeaderPicksTheFunction() {
            LoggedRequest request = sentWith(overridable("f"), LambdaInvokeConstants.FUNCTION, "other");

            assertThat(request.getUrl()).isEqualTo(WireMockLambda.invokePath("other"));
        }

        @Test
        void qualifierHeaderIsSentAsQualifier() {
            LoggedRequest request = sentWith(overridable("f") + "&qualifier=dev", LambdaInvokeConstants.QUALIFIER, "prod");

            assertThat(request.getUrl()).isEqualTo(WireMockLambda.invokePath("f") + "?Qualifier=prod");
        }

        @Test
        void invocationTypeHeaderSetsTheInvocationType() {
            lambda.stub(invoke("f").willReturn(WireMock.aResponse().withStatus(202)));

            LoggedRequest request = sentWith(overridable("f"), LambdaInvokeConstants.INVOCATION_TYPE, "Event");

            assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
        }

        @Test
        void logTypeHeaderAsksForTheLogTail() {
            LoggedRequest request = sentWith(overridable("f"), LambdaInvokeConstants.LOG_TYPE, "Tail");

            assertThat(request.getHeader("X-Amz-Log-Type")).isEqualTo("Tail");
        }

        @Test
        void clientContextHeaderIsSentBase64Encoded() {
            LoggedRequest request = sentWith(overridable("f"), LambdaInvokeConstants.CLIENT_CONTEXT, CONTEXT);

            assertThat(request.getHeader("X-Amz-Client-Context"))
                    .isEqualTo(Base64.getEncoder().encodeToString(utf8(CONTEXT)));
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
                "LambdaFunction       | bad name!",
                "LambdaQualifier      | no/slashes",
                "LambdaInvocationType | Sometimes",
                "LambdaLogType        | Verbose",
                "LambdaClientContext  | not json",
        })
        void badHeaderValueFailsNamingTheHeaderAndSendsNothing(String header, String value) {
            Exchange result = camel.send(overridable("f"), "{}", Map.of(header, value));

            assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException e = (LambdaInvokeException) result.getException();
            assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.INVALID_HEADER);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("Header '" + header + "'");
            assertThat(lambda.requestCount()).isZero();
        }
    }
}
