package dev.lambdainvoke.camel;

import java.util.Map;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LambdaFunction header: ignored by default, honoured with allowHeaderOverrides, and with allowedFunctions only for
 * functions the expression matches in full; a refused header fails the exchange and nothing is sent. The endpoint's own
 * function is never subject to allowedFunctions.
 */
class HeaderOverrideTest {

    private static final String ORDERS_ONLY = "allowHeaderOverrides=true&allowedFunctions="
                                              + raw("orders-[a-z]+(:prod)?|arn:aws:lambda:us-east-1:123456789012:function:orders-[a-z]+");

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeAll
    static void startLambda() {
        lambda = new WireMockLambda();
    }

    @AfterAll
    static void stopLambda() {
        lambda.close();
    }

    @BeforeEach
    void start() throws Exception {
        lambda.reset();
        lambda.stub(invokeAny().willReturn(ok("\"ok\"")));
        camel = CamelHarness.against(lambda.endpoint());
    }

    @AfterEach
    void stop() {
        camel.close();
    }

    @Test
    void theHeaderIsIgnoredWhenOverridesAreOff() {
        Exchange result = sendWithFunctionHeader("lambda-invoke:orders-eu?allowedFunctions=.*", "payments");

        assertThat(result.getException()).isNull();
        assertThat(lambda.onlyRequest().getUrl()).isEqualTo(WireMockLambda.invokePath("orders-eu"));
    }

    @Test
    void theHeaderPicksAnyValidFunctionWhenOverridesAreOnWithoutARestriction() {
        Exchange result = sendWithFunctionHeader("lambda-invoke:orders-eu?allowHeaderOverrides=true", "payments");

        assertThat(result.getException()).isNull();
        assertThat(lambda.onlyRequest().getUrl()).isEqualTo(WireMockLambda.invokePath("payments"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "orders-us", "orders-us:prod", "arn:aws:lambda:us-east-1:123456789012:function:orders-us" })
    void anAllowedFunctionIsInvoked(String header) {
        Exchange result = sendWithFunctionHeader("lambda-invoke:orders-eu?" + ORDERS_ONLY, header);

        assertThat(result.getException()).isNull();
        assertThat(lambda.onlyRequest().getUrl()).contains("orders-us");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "payments", "orders-us:dev", "evil-orders-us", "orders-us-evil",
                 "arn:aws:lambda:eu-west-1:123456789012:function:orders-us" })
    void aFunctionOutsideAllowedFunctionsFailsTheExchangeAndNothingIsSent(String header) {
        Exchange result = sendWithFunctionHeader("lambda-invoke:orders-eu?" + ORDERS_ONLY, header);

        assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
        LambdaInvokeException error = (LambdaInvokeException) result.getException();
        assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.INVALID_HEADER);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("Header 'LambdaFunction'").contains("'allowedFunctions'")
                .contains("'" + header + "'");
        assertThat(lambda.requestCount()).isZero();
    }

    @Test
    void theEndpointsOwnFunctionIsNotSubjectToAllowedFunctions() {
        Exchange plain = camel.send("lambda-invoke:payments?" + ORDERS_ONLY, "{}");
        Exchange qualifierOnly = camel.send("lambda-invoke:payments?" + ORDERS_ONLY, "{}",
                Map.of(LambdaInvokeConstants.QUALIFIER, "prod"));

        assertThat(plain.getException()).isNull();
        assertThat(qualifierOnly.getException()).isNull();
        assertThat(lambda.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.getUrl()).startsWith(WireMockLambda.invokePath("payments")));
    }

    private Exchange sendWithFunctionHeader(String uri, String function) {
        return camel.send(uri, "{}", Map.of(LambdaInvokeConstants.FUNCTION, function));
    }
}
