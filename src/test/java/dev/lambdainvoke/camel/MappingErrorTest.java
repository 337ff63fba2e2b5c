package dev.lambdainvoke.camel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Errors", {@code LambdaMappingException}: with {@code jsonata}, a body that is not JSON, an evaluation error and
 * an expression that produces nothing fail the exchange before anything is sent, and are never retryable.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class MappingErrorTest {

    /** Stands for a secret in a payload: it must not leak into exception messages (and so into logs). */
    private static final String SECRET = "card=4111111111111111";

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeEach
    void answer() {
        lambda.stub(invokeAny().willReturn(ok("{}")));
    }

    @AfterEach
    void nothingReachedLambda() {
        assertThat(lambda.requestCount()).as("requests that reached Lambda").isZero();
    }

    /** Sends through {@code expression} and returns the mapping failure, after the checks every mapping failure passes. */
    private LambdaMappingException mappingFailure(String expression, Object body) {
        Exchange result = camel.send("lambda-invoke:f?jsonata=" + raw(expression), body);
        assertThat(result.getException()).isInstanceOf(LambdaMappingException.class);
        LambdaMappingException e = (LambdaMappingException) result.getException();
        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.MAPPING_ERROR);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getFunction()).isEqualTo("f");
        return e;
    }

    /** Every message of the exception and its causes. */
    private static String allMessages(Throwable e) {
        return OptionValidationTest.messages(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain text     | hello " + SECRET,
            "truncated JSON | {\"pan\": \"" + SECRET + "\"",
            "two values     | {\"a\": 1} " + SECRET,
    })
    void textBodyThatIsNotJsonFailsSayingWhereWithoutQuotingTheBody(String kind, String body) {
        LambdaMappingException e = mappingFailure("{\"x\": a}", body);

        assertThat(e.getMessage()).contains("Body is not JSON").containsPattern("line \\d+, column \\d+")
                .contains("option 'jsonata'");
        assertThat(allMessages(e)).doesNotContain(SECRET);
    }

    @Test
    void streamBodyThatIsNotJsonFailsWithoutQuotingTheBody() {
        LambdaMappingException e = mappingFailure("{\"x\": a}",
                new ByteArrayInputStream(("<xml>" + SECRET + "</xml>").getBytes(StandardCharsets.UTF_8)));

        assertThat(e.getMessage()).contains("Body is not JSON (line 1, column 1)");
        assertThat(allMessages(e)).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "$number(\"x\")           | D3030",
            "$number(\"\")            | D3030",
            "\"a\" + 1                | T2001",
            "$sum(\"not numbers\")    | T0412",
            "$undefinedFunction(1)  | T1006",
    })
    void evaluationErrorCarriesJsonatasCodeAndMessage(String expression, String code) {
        LambdaMappingException e = mappingFailure(expression, "{\"a\": 1}");

        assertThat(e.getExpressionErrorCode()).isEqualTo(code);
        assertThat(e.getMessage()).contains("JSONata evaluation failed: " + code);
    }

    @Test
    void expressionThatProducesNothingFails() {
        LambdaMappingException e = mappingFailure("nosuchfield", "{\"a\": 1}");

        assertThat(e.getMessage()).contains("produced nothing");
        assertThat(e.getExpressionErrorCode()).isNull();
    }
}
