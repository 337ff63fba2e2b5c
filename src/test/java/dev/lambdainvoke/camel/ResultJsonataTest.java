package dev.lambdainvoke.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.OneShotInputStream;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC Round 2 {@code resultJsonata}, against Java handlers on LocalLambda through the real SDK: the result mapped with
 * {@code $original}, {@code $request} and {@code $headers}; {@code $original} for each kind of body; the failures that
 * leave the raw result as the body; the answers it is not applied to; the expression checked at start-up.
 */
class ResultJsonataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = "{\"orderId\":\"A-1\",\"sku\":\"plum\",\"quantity\":4}";
    /** Internal exchange property in which the call's inputs wait for the answer. */
    private static final String CALL_INPUTS = "LambdaInvokeResultMappingInputs";

    private static LocalLambda local;
    private CamelHarness camel;

    @BeforeAll
    static void startLocalLambda() {
        local = LocalLambda.builder()
                // 2.5 per piece; a quantity below 1 is an error the function throws
                .function(LocalFunction.named("pricer").handler(Map.class, line -> {
                    int quantity = ((Number) line.get("quantity")).intValue();
                    if (quantity < 1) {
                        throw new IllegalArgumentException("quantity must be at least 1");
                    }
                    Map<String, Object> priced = new LinkedHashMap<>();
                    priced.put("sku", line.get("sku"));
                    priced.put("total", quantity * 2.5);
                    return priced;
                }))
                // takes any bytes, JSON or not, and counts them
                .function(LocalFunction.named("counter").handler((RequestStreamHandler) (in, out, context) ->
                        out.write(("{\"bytes\":" + in.readAllBytes().length + "}").getBytes(StandardCharsets.UTF_8))))
                // answers text that is not JSON
                .function(LocalFunction.named("chatty").handler((RequestStreamHandler) (in, out, context) ->
                        out.write("all good, 3 items".getBytes(StandardCharsets.UTF_8))))
                .start();
    }

    @AfterAll
    static void stopLocalLambda() {
        local.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        camel = CamelHarness.against(local.endpoint());
    }

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    private static String uri(String function, String resultJsonata) {
        return "lambda-invoke:" + function + "?resultJsonata=" + raw(resultJsonata);
    }

    private static JsonNode json(Exchange exchange) throws Exception {
        assertThat(exchange.getException()).as("exception of the exchange").isNull();
        assertThat(exchange.getMessage().getBody()).as("the mapped result is JSON text").isInstanceOf(String.class);
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    // ---- the mapping

    @Test
    void thePricedResultIsMergedBackIntoTheOriginalOrder() throws Exception {
        Exchange result = camel.send(uri("pricer", "$merge([$original, {\"total\": total}])"), ORDER);

        assertThat(json(result)).isEqualTo(JSON.readTree(
                "{\"orderId\":\"A-1\",\"sku\":\"plum\",\"quantity\":4,\"total\":10}"));
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getProperties()).as("nothing of the call kept on the exchange").doesNotContainKey(CALL_INPUTS);
    }

    @Test
    void anExpressionFromAResourceIsReadAtStartAndApplied() throws Exception {
        Exchange result = camel.send("lambda-invoke:pricer?resultJsonata=resource:classpath:mapping/priced-order.jsonata",
                ORDER);

        assertThat(json(result).get("total").asDouble()).isEqualTo(10.0);
        assertThat(json(result).get("orderId").asText()).isEqualTo("A-1");
    }

    @Test
    void requestIsThePayloadSentAfterTheRequestMappingAndOriginalTheBodyBeforeIt() throws Exception {
        Exchange result = camel.send("lambda-invoke:pricer?jsonata=" + raw("{\"sku\": item, \"quantity\": n}")
                                     + "&resultJsonata=" + raw("{\"sent\": $request, \"before\": $original, \"total\": total}"),
                "{\"item\":\"pear\",\"n\":2}");

        JsonNode mapped = json(result);
        assertThat(mapped.get("sent")).isEqualTo(JSON.readTree("{\"sku\":\"pear\",\"quantity\":2}"));
        assertThat(mapped.get("before")).isEqualTo(JSON.readTree("{\"item\":\"pear\",\"n\":2}"));
        assertThat(mapped.get("total").asDouble()).isEqualTo(5.0);
    }

    @Test
    void headersHoldTheMessagesHeadersAndTheResultHeaders() throws Exception {
        Exchange result = camel.send(uri("pricer", "{\"status\": $headers.LambdaStatusCode, \"version\": "
                                                   + "$headers.LambdaExecutedVersion, \"requestId\": $headers.LambdaRequestId,"
                                                   + " \"tenant\": $headers.tenant}"),
                ORDER, Map.of("tenant", "acme"));

        JsonNode mapped = json(result);
        assertThat(mapped.get("status").asInt()).isEqualTo(200);
        assertThat(mapped.get("version").asText()).isEqualTo("$LATEST");
        assertThat(mapped.get("requestId").asText())
                .isEqualTo(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID, String.class)).isNotBlank();
        assertThat(mapped.get("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void aUriBuiltWithLambdaInvokeUriCarriesTheExpressionsBraces() throws Exception {
        String uri = LambdaInvokeUri.function("pricer").resultJsonata("{\"order\": {\"original\": $original}}").build();

        Exchange result = camel.send(uri, ORDER);

        assertThat(json(result).get("order").get("original").get("orderId").asText()).isEqualTo("A-1");
    }

    @Test
    void eachEvaluationReadsItsOwnClockOnTheCompletionThreads() throws Exception {
        // more evaluations than completion threads: some thread maps a second result, which must not see its first time
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            long millis = json(camel.send(uri("pricer", "{\"millis\": $millis()}"), ORDER)).get("millis").asLong();
            assertThat(millis).as("evaluation %d", i).isGreaterThan(previous);
            previous = millis;
            long seen = millis;
            Await.until(Duration.ofSeconds(5), () -> "the clock to move past " + seen,
                    () -> System.currentTimeMillis() > seen);
        }
    }

    // ---- $original for each kind of body (Lambda takes JSON payloads only: bodies of other text are in
    // ResultJsonataOriginalTextTest, against WireMock)

    @Test
    void originalOfJsonTextIsParsed() throws Exception {
        JsonNode mapped = json(camel.send(uri("counter", "{\"original\": $original, \"bytes\": bytes}"), "[1, \"wörd\"]"));

        assertThat(mapped.get("original")).isEqualTo(JSON.readTree("[1,\"wörd\"]"));
        assertThat(mapped.get("bytes").asInt()).isEqualTo("[1, \"wörd\"]".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void originalOfJsonBytesIsParsed() throws Exception {
        JsonNode mapped = json(camel.send(uri("counter", "{\"original\": $original}"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(mapped.get("original")).isEqualTo(JSON.readTree("{\"a\":1}"));
    }

    @Test
    void originalOfAMapIsItsJsonValues() throws Exception {
        Map<String, Object> order = Map.of("orderId", "B-2", "sku", "fig", "quantity", 2);

        JsonNode mapped = json(camel.send(uri("pricer", "$merge([$original, {\"total\": total}])"), order));

        assertThat(mapped).isEqualTo(JSON.readTree("{\"orderId\":\"B-2\",\"sku\":\"fig\",\"quantity\":2,\"total\":5}"));
    }

    @Test
    void originalOfAOneShotStreamIsReadFromTheBytesTheRequestKept() throws Exception {
        JsonNode mapped = json(camel.send(uri("counter", "{\"original\": $original, \"request\": $request, \"bytes\": bytes}"),
                new OneShotInputStream(ORDER.getBytes(StandardCharsets.UTF_8))));

        assertThat(mapped.get("original")).isEqualTo(JSON.readTree(ORDER));
        assertThat(mapped.get("request")).isEqualTo(JSON.readTree(ORDER));
        assertThat(mapped.get("bytes").asInt()).isEqualTo(ORDER.length());
    }

    // ---- failures: the raw result stays the body

    @Test
    void aResultThatIsNotJsonFailsWithTheRawResultAsBodyAndTheResultHeadersSet() {
        Exchange result = camel.send(uri("chatty", "{\"said\": $}"), ORDER);

        LambdaMappingException e = assertRawResultLeft(result, "all good, 3 items");
        assertThat(e.getMessage()).contains("not JSON").contains("resultJsonata").doesNotContain("all good");
        assertThat(result.getProperties()).as("nothing of the call kept on the exchange").doesNotContainKey(CALL_INPUTS);
    }

    @Test
    void anEvaluationErrorFailsWithJsonatasCodeAndTheRawResultAsBody() {
        Exchange result = camel.send(uri("pricer", "{\"total\": total & \"\" + 1}"), ORDER);

        LambdaMappingException e = assertRawResultLeft(result, "{\"sku\":\"plum\",\"total\":10.0}");
        assertThat(e.getExpressionErrorCode()).isNotBlank();
        assertThat(e.getMessage()).contains("resultJsonata").contains(e.getExpressionErrorCode());
    }

    @Test
    void anExpressionThatProducesNothingFailsWithTheRawResultAsBody() {
        Exchange result = camel.send(uri("pricer", "nothing.here"), ORDER);

        LambdaMappingException e = assertRawResultLeft(result, "{\"sku\":\"plum\",\"total\":10.0}");
        assertThat(e.getMessage()).contains("resultJsonata").contains("undefined");
    }

    private static LambdaMappingException assertRawResultLeft(Exchange result, String rawResult) {
        assertThat(result.getException()).isInstanceOf(LambdaMappingException.class);
        LambdaMappingException e = (LambdaMappingException) result.getException();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.MAPPING_ERROR);
        assertThat(e.getFunction()).isNotBlank();
        assertThat(result.getMessage().getBody()).isEqualTo(rawResult);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID, String.class)).isNotBlank();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("$LATEST");
        return e;
    }

    // ---- where it does not apply

    @Test
    void aFunctionErrorIsNotMapped() throws Exception {
        String failing = "{\"orderId\":\"A-2\",\"sku\":\"plum\",\"quantity\":0}";

        Exchange handled = camel.send(uri("pricer", "{\"mapped\": true}"), failing);

        assertThat(handled.getException()).isNull();
        assertThat(handled.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
        assertThat(JSON.readTree(handled.getMessage().getBody(String.class)).get("errorMessage").asText())
                .isEqualTo("quantity must be at least 1");

        Exchange failed = camel.send(uri("pricer", "{\"mapped\": true}") + "&failOnFunctionError=true", failing);

        assertThat(failed.getException()).isInstanceOf(LambdaFunctionErrorException.class);
        assertThat(failed.getMessage().getBody()).isEqualTo(failing);
        assertThat(failed.getProperties()).as("nothing of the call kept on the exchange").doesNotContainKey(CALL_INPUTS);
    }

    @Test
    void eventAndDryRunLeaveTheBodyAsItWas() {
        for (String type : new String[] { "Event", "DryRun" }) {
            Exchange result = camel.send(uri("pricer", "{\"mapped\": true}") + "&invocationType=" + type, ORDER);

            assertThat(result.getException()).as(type).isNull();
            assertThat(result.getMessage().getBody()).as(type).isEqualTo(ORDER);
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).as(type)
                    .isEqualTo("Event".equals(type) ? 202 : 204);
            assertThat(result.getProperties()).as(type).doesNotContainKey(CALL_INPUTS);
        }
    }

    // ---- start-up

    @Test
    void aBrokenExpressionStopsTheRouteAtStartUpNamingTheOptionAndPosition() throws Exception {
        Throwable failure = CamelHarness.startFailure(local.endpoint(), uri("pricer", "{\"total\": total +}"));

        assertThat(rootMessage(failure)).contains("Option 'resultJsonata' is not a valid JSONata expression")
                .contains("position");
    }

    @Test
    void anUnreadableResourceStopsTheRouteAtStartUpNamingTheOption() throws Exception {
        Throwable failure = CamelHarness.startFailure(local.endpoint(),
                "lambda-invoke:pricer?resultJsonata=resource:classpath:mapping/missing.jsonata");

        assertThat(rootMessage(failure)).contains("Option 'resultJsonata' names a resource that cannot be read")
                .contains("mapping/missing.jsonata");
    }

    /** The messages of the failure and its causes: Camel wraps the endpoint's own. */
    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
