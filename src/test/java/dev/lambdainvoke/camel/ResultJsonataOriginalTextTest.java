package dev.lambdainvoke.camel;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.OneShotInputStream;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC Round 2 {@code resultJsonata} against WireMock, for what Lambda itself would not take or do on demand: bodies
 * that are not JSON (Lambda refuses such payloads) are {@code $original} and {@code $request} as their text, and a
 * redelivery after a retryable failure maps its result against the same original as the first attempt had.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class ResultJsonataOriginalTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOTH = "{\"original\": $original, \"request\": $request, \"result\": $}";

    private static WireMockLambda lambda;
    private CamelHarness camel;

    private static String uri(String resultJsonata) {
        return "lambda-invoke:f?resultJsonata=" + raw(resultJsonata);
    }

    private static JsonNode json(Exchange exchange) throws Exception {
        assertThat(exchange.getException()).as("exception of the exchange").isNull();
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void originalAndRequestOfTextThatIsNotJsonAreTheText() throws Exception {
        lambda.stub(invoke("f").willReturn(ok("{\"ok\":true}")));

        JsonNode mapped = json(camel.send(uri(BOTH), "plain wörds, not JSON"));

        assertThat(mapped.get("original").asText()).isEqualTo("plain wörds, not JSON");
        assertThat(mapped.get("request").asText()).isEqualTo("plain wörds, not JSON");
        assertThat(mapped.get("result").get("ok").asBoolean()).isTrue();
    }

    @Test
    void originalOfBytesThatAreNotJsonIsTheirText() throws Exception {
        lambda.stub(invoke("f").willReturn(ok("1")));

        JsonNode mapped = json(camel.send(uri(BOTH), "a;b;c".getBytes(StandardCharsets.UTF_8)));

        assertThat(mapped.get("original").asText()).isEqualTo("a;b;c");
        assertThat(mapped.get("result").asInt()).isEqualTo(1);
    }

    @Test
    void originalOfAOneShotStreamThatIsNotJsonIsItsText() throws Exception {
        lambda.stub(invoke("f").willReturn(ok("1")));

        JsonNode mapped = json(camel.send(uri(BOTH),
                new OneShotInputStream("line one\nline two".getBytes(StandardCharsets.UTF_8))));

        assertThat(mapped.get("original").asText()).isEqualTo("line one\nline two");
        assertThat(mapped.get("request").asText()).isEqualTo("line one\nline two");
    }

    @Test
    void aRedeliveryMapsItsResultAgainstTheSameOriginal() throws Exception {
        String order = "{\"orderId\":\"A-1\",\"quantity\":4}";
        lambda.answersInTurn("f", awsError(500, "ServiceException", "try again"), ok("{\"total\":10}"));
        camel.close();
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(LambdaInvokePredicates.retryable())
                        .maximumRedeliveries(1).redeliveryDelay(0);
                // a one-shot stream, and no stream caching: the first attempt reads it, the redelivery cannot
                from("direct:start").noStreamCaching()
                        .process(e -> e.getMessage().setBody(new OneShotInputStream(e.getMessage().getBody(byte[].class))))
                        .to(uri("$merge([$original, {\"total\": total, \"sent\": $request}])"));
            }
        });

        Exchange result = camel.send("direct:start", order);

        assertThat(lambda.requests()).hasSize(2).extracting(LoggedRequest::getBodyAsString).containsOnly(order);
        assertThat(json(result)).isEqualTo(JSON.readTree(
                "{\"orderId\":\"A-1\",\"quantity\":4,\"total\":10,\"sent\":" + order + "}"));
    }
}
