package dev.lambdainvoke.camel;

import java.util.Map;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LambdaFunction and LambdaQualifier headers: ignored by default, honoured with allowHeaderOverrides, and with
 * allowedFunctions only for targets its list admits (SPEC "The request": entries without ':' match the function, entries
 * with ':' match function:qualifier, and only those admit a qualifier chosen by a header); a refused header fails the
 * exchange and nothing is sent. The endpoint's own function and qualifier are never subject to allowedFunctions.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class HeaderOverrideTest {

    private static final String ORDERS_ONLY = "allowHeaderOverrides=true&allowedFunctions="
                                              + raw("orders-[a-z]+(:prod)?|arn:aws:lambda:us-east-1:123456789012:function:orders-[a-z]+");

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeEach
    void answer() {
        lambda.stub(invokeAny().willReturn(ok("\"ok\"")));
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
        Exchange ownQualifier = camel.send("lambda-invoke:payments:live?" + ORDERS_ONLY, "{}");

        assertThat(plain.getException()).isNull();
        assertThat(ownQualifier.getException()).isNull();
        assertThat(lambda.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.getUrl()).contains("/functions/payments"));
    }

    @Test
    void aQualifierHeaderOnTheEndpointsOwnFunctionIsCheckedAsFunctionColonQualifier() {
        String uri = "lambda-invoke:payments?allowHeaderOverrides=true&allowedFunctions="
                     + raw("orders-.*,payments:(prod|canary)");

        Exchange refused = camel.send(uri, "{}", Map.of(LambdaInvokeConstants.QUALIFIER, "dev"));
        assertRefused(refused, "Header 'LambdaQualifier'", "'dev'", "'payments:dev'");

        Exchange allowed = camel.send(uri, "{}", Map.of(LambdaInvokeConstants.QUALIFIER, "canary"));
        assertThat(allowed.getException()).isNull();
        assertThat(lambda.onlyRequest().getUrl()).isEqualTo(WireMockLambda.invokePath("payments") + "?Qualifier=canary");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "orders-us:canary, ", "orders-us, canary", "orders-us:prod, prod" })
    void aNameEntryAloneAdmitsNoQualifierChosenByAHeader(String function, String qualifier) {
        Exchange result = camel.send("lambda-invoke:orders-eu?qualifier=prod&allowHeaderOverrides=true"
                                     + "&allowedFunctions=" + raw("orders-.*"), "{}", headers(function, qualifier));

        // a qualifier inside the function header is reported first
        assertRefused(result, function.contains(":") ? "Header 'LambdaFunction'" : "Header 'LambdaQualifier'",
                "needs an entry with ':'");
    }

    @Test
    void aNameEntryAdmitsAHeaderChosenNameWithTheEndpointsOwnQualifier() {
        Exchange result = camel.send("lambda-invoke:orders-eu?qualifier=prod&allowHeaderOverrides=true"
                                     + "&allowedFunctions=" + raw("orders-.*"), "{}", headers("orders-us", null));

        assertThat(result.getException()).isNull();
        assertThat(lambda.onlyRequest().getUrl()).isEqualTo(WireMockLambda.invokePath("orders-us") + "?Qualifier=prod");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "orders-us:canary, , true", "orders-us, prod, true", "orders-us:dev, , false", "orders-us, dev, false",
                 "payments:prod, , false" })
    void anEntryWithAColonAdmitsTheQualifiersItMatches(String function, String qualifier, boolean admitted) {
        Exchange result = camel.send("lambda-invoke:orders-eu?allowHeaderOverrides=true&allowedFunctions="
                                     + raw("orders-[a-z]{2,3}, orders-[a-z]{2,3}:(prod|canary)"), "{}",
                headers(function, qualifier));

        if (admitted) {
            assertThat(result.getException()).isNull();
            assertThat(lambda.onlyRequest().getUrl()).contains("/functions/orders-us");
        } else {
            assertRefused(result, "option 'allowedFunctions'");
        }
    }

    @Test
    void aNameEntryDoesNotAdmitAnArnOfThatName() {
        Exchange result = sendWithFunctionHeader("lambda-invoke:orders-eu?allowHeaderOverrides=true&allowedFunctions="
                                                 + raw("orders-.*"),
                "arn:aws:lambda:eu-west-1:999999999999:function:orders-us");

        assertRefused(result, "Header 'LambdaFunction'");
    }

    private static Map<String, Object> headers(String function, String qualifier) {
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(LambdaInvokeConstants.FUNCTION, function);
        if (qualifier != null) {
            headers.put(LambdaInvokeConstants.QUALIFIER, qualifier);
        }
        return headers;
    }

    private void assertRefused(Exchange result, String... messageParts) {
        assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
        LambdaInvokeException error = (LambdaInvokeException) result.getException();
        assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.INVALID_HEADER);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("option 'allowedFunctions'").contains("nothing was sent")
                .contains(messageParts);
        assertThat(lambda.requestCount()).isZero();
    }

    private Exchange sendWithFunctionHeader(String uri, String function) {
        return camel.send(uri, "{}", Map.of(LambdaInvokeConstants.FUNCTION, function));
    }
}
