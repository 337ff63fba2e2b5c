package dev.lambdainvoke.camel;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "The request": a body that can be read only once (a plain InputStream, as an HTTP client or a file reader hands
 * over) is read once per exchange; every redelivery sends the same bytes, with and without {@code jsonata}, and
 * Event/DryRun leave a readable body with those bytes. The stream is set by a step inside the route, with Camel's stream
 * caching off for the route (as for large bodies): with it on, Camel's error handler would cache the stream itself.
 */
@WireMockLambdaTest
class OneShotBodyTest {

    private static final String FUNCTION = "f";
    private static final String BODY = "{\"id\": 7, \"note\": \"héllo ✓\"}";

    private static WireMockLambda lambda;
    private CamelHarness camel;

    /** A stream over the bytes that cannot be rewound: neither mark/reset nor a Camel stream cache. */
    private static InputStream oneShot(String text) {
        return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /** direct:start sets a one-shot stream body and sends it to {@code uri}, redelivering any failure once at once. */
    private void startRoute(String uri) throws Exception {
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).maximumRedeliveries(1).redeliveryDelay(0);
                from("direct:start").noStreamCaching().process(e -> e.getMessage().setBody(oneShot(e.getMessage().getBody(String.class))))
                        .to(uri);
            }
        });
    }

    @Test
    void aRedeliverySendsTheSameBytesAsTheFirstAttempt() throws Exception {
        lambda.answersInTurn(FUNCTION, awsError(500, "ServiceException", "try again"), WireMockLambda.ok("\"done\""));
        startRoute("lambda-invoke:" + FUNCTION);

        Exchange result = camel.send("direct:start", BODY);

        assertThat(result.getException()).isNull();
        assertThat(lambda.requests()).hasSize(2).extracting(LoggedRequest::getBodyAsString).containsOnly(BODY);
    }

    @Test
    void aRedeliveryUnderJsonataMapsTheSameBytesAgain() throws Exception {
        lambda.answersInTurn(FUNCTION, awsError(500, "ServiceException", "try again"), WireMockLambda.ok("\"done\""));
        startRoute("lambda-invoke:" + FUNCTION + "?jsonata=" + raw("{\"order\": id, \"note\": note}"));

        Exchange result = camel.send("direct:start", BODY);

        assertThat(result.getException()).isNull();
        assertThat(lambda.requests()).hasSize(2).extracting(LoggedRequest::getBodyAsString)
                .containsOnly("{\"order\":7,\"note\":\"héllo ✓\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "Event, 202", "DryRun, 204" })
    void eventAndDryRunLeaveABodyThatReadsAsTheOriginalBytes(String type, int status) throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(WireMock.aResponse().withStatus(status)));
        startRoute("lambda-invoke:" + FUNCTION + "?invocationType=" + type);

        Exchange result = camel.send("direct:start", BODY);

        assertThat(result.getException()).isNull();
        assertThat(lambda.onlyRequest().getBodyAsString()).isEqualTo(BODY);
        assertThat(result.getMessage().getBody(String.class)).isEqualTo(BODY);
    }
}
