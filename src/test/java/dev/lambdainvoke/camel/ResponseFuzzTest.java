package dev.lambdainvoke.camel;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.CapturedLogs;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd answers from something that claims to be Lambda: each ends the exchange, within a bound, with a sensible body or a
 * clear {@link LambdaInvokeException} -- never a hang and never a raw runtime exception -- and goes out exactly once.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class ResponseFuzzTest {

    private static final String FUNCTION = "odd-answers";
    private static final String REQUEST = "{\"id\":1}";

    private static WireMockLambda lambda;
    private CamelHarness camel;

    /** Lambda gives {@code answer}; returns the ended exchange, bounded so that a hang fails the test. */
    private Exchange answered(ResponseDefinitionBuilder answer, String options) throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(answer));
        Exchange result = camel.template().asyncSend("lambda-invoke:" + FUNCTION + options,
                e -> e.getMessage().setBody(REQUEST)).get(10, TimeUnit.SECONDS);
        assertThat(lambda.requestCount()).as("requests sent: once, never retried or redirected").isEqualTo(1);
        return result;
    }

    private Exchange answered(ResponseDefinitionBuilder answer) throws Exception {
        return answered(answer, "");
    }

    /** The answer succeeded; returns its body. */
    private static String body(Exchange result) {
        assertThat(result.getException()).as("exception of the exchange").isNull();
        return result.getMessage().getBody(String.class);
    }

    /** The answer failed the exchange with a LambdaInvokeException, the request body left for a redelivery. */
    private static LambdaInvokeException failure(Exchange result) {
        assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
        assertThat(result.getMessage().getBody()).isEqualTo(REQUEST);
        LambdaInvokeException e = (LambdaInvokeException) result.getException();
        assertThat(e.getFunction()).isEqualTo(FUNCTION);
        return e;
    }

    private static ResponseDefinitionBuilder functionError(String payload) {
        // with its Content-Length, as Lambda sends it: an empty body without one would be a body that broke off
        return ok(payload).withHeader("X-Amz-Function-Error", "Unhandled")
                .withHeader("Content-Length", String.valueOf(payload.getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void payloadThatIsNotUtf8BecomesWhatUtf8DecodingGivesWithoutAnException() throws Exception {
        byte[] notUtf8 = { (byte) 0xff, (byte) 0xfe, 'o', 'k', (byte) 0xc3 };

        Exchange result = answered(WireMock.aResponse().withStatus(200).withBody(notUtf8));

        // the SDK's asUtf8String() throws on such bytes; the component decodes leniently (U+FFFD for each bad byte)
        assertThat(body(result)).isEqualTo(new String(notUtf8, StandardCharsets.UTF_8)).isEqualTo("\uFFFD\uFFFDok\uFFFD");
    }

    @Test
    void emptyBodyOn200WithContentLengthZeroIsAnEmptyStringBody() throws Exception {
        Exchange result = answered(WireMock.aResponse().withStatus(200).withHeader("Content-Length", "0"));

        assertThat(body(result)).isEmpty();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
    }

    @Test
    void answerWithoutAnyLambdaHeaderSucceedsWithOnlyTheStatusCodeHeader() throws Exception {
        Exchange result = answered(WireMock.aResponse().withStatus(200).withBody("{\"total\":1}"), "?logType=Tail");

        assertThat(body(result)).isEqualTo("{\"total\":1}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(LambdaInvokeConstants.REQUEST_ID,
                LambdaInvokeConstants.EXECUTED_VERSION, LambdaInvokeConstants.FUNCTION_ERROR,
                LambdaInvokeConstants.LOG_TAIL);
    }

    @Test
    void logResultThatIsNotBase64IsDroppedWithAWarningNamingTheFunction() throws Exception {
        try (CapturedLogs logs = CapturedLogs.component()) {
            Exchange result = answered(ok("{}").withHeader("X-Amz-Log-Result", "%% not base64 %%"), "?logType=Tail");

            assertThat(body(result)).isEqualTo("{}");
            assertThat(result.getMessage().getHeaders()).doesNotContainKey(LambdaInvokeConstants.LOG_TAIL);
            assertThat(logs.messages(Level.WARN, LambdaInvokeProducer.class.getName())).singleElement().asString()
                    .contains(FUNCTION).contains("not base64").doesNotContain("%% not base64 %%");
        }
    }

    @Test
    void functionErrorWithANonJsonPayloadIsTheBodyWithTheFunctionErrorHeader() throws Exception {
        Exchange result = answered(functionError("Segmentation fault <core dumped>"));

        assertThat(body(result)).isEqualTo("Segmentation fault <core dumped>");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
    }

    @Test
    void functionErrorWithANonJsonPayloadFailsWithNoTypeOrMessageAndTheRawPayload() throws Exception {
        Exchange result = answered(functionError("Segmentation fault <core dumped>"), "?failOnFunctionError=true");

        LambdaFunctionErrorException e = (LambdaFunctionErrorException) failure(result);
        assertThat(e.getErrorType()).isNull();
        assertThat(e.getErrorMessage()).isNull();
        assertThat(e.getErrorStackTrace()).isEmpty();
        assertThat(e.getPayload()).isEqualTo("Segmentation fault <core dumped>");
        assertThat(e.getMessage()).contains("Function " + FUNCTION + " failed (Unhandled): no error message");
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest(name = "payload {0}")
    @ValueSource(strings = { "\"oops\"", "[1]", "42", "null", "true", "" })
    void functionErrorPayloadThatIsJsonButNotAnObjectHasNoTypeOrMessage(String payload) throws Exception {
        Exchange result = answered(functionError(payload), "?failOnFunctionError=true");

        LambdaFunctionErrorException e = (LambdaFunctionErrorException) failure(result);
        assertThat(e.getErrorType()).isNull();
        assertThat(e.getErrorMessage()).isNull();
        assertThat(e.getErrorStackTrace()).isEmpty();
        assertThat(e.getPayload()).isEqualTo(payload);
    }

    @Test
    void hugePayloadOver6MbIsPassedOnWhole() throws Exception {
        // Lambda caps responses at 6 MB; enforcing that is Lambda's job, not the client's
        String huge = "\"" + "x".repeat(7 * 1024 * 1024) + "\"";

        Exchange result = answered(ok(huge));

        assertThat(body(result)).hasSize(huge.length()).isEqualTo(huge);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 301, 302 })
    void redirectIsNotFollowedAndFailsNotRetryableWithItsStatus(int status) throws Exception {
        String elsewhere = lambda.endpoint() + WireMockLambda.invokePath("elsewhere");

        Exchange result = answered(WireMock.aResponse().withStatus(status).withHeader("Location", elsewhere)
                .withBody("<html>moved</html>"));

        // Lambda never redirects: a redirect means a wrong endpointOverride or a proxy, which a retry does not fix
        LambdaInvokeException e = failure(result);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getErrorCode()).isNull();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP " + status);
    }

    @Test
    void htmlContentTypeOn200IsStillThePayload() throws Exception {
        Exchange result = answered(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>hello</body></html>"));

        assertThat(body(result)).isEqualTo("<html><body>hello</body></html>");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 418, 599 })
    void unknownStatusWithoutAnErrorTypeFailsNotRetryableWithItsStatus(int status) throws Exception {
        Exchange result = answered(WireMock.aResponse().withStatus(status).withBody("strange"));

        // once a NullPointerException from the error-code check; the SPEC's retryable statuses are 500/502/503/504,
        // so an unknown 5xx stays not retryable: the function may have run
        LambdaInvokeException e = failure(result);
        assertThat(e).isExactlyInstanceOf(LambdaInvokeException.class);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getErrorCode()).as("no AWS error code was sent, none is made up").isNull();
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void serverErrorWithAnHtmlBodyIsRetryableAndKeepsTheHtmlOutOfTheMessage() throws Exception {
        Exchange result = answered(WireMock.aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                .withBody("<html><body>proxy-internal-details " + "y".repeat(5000) + "</body></html>"));

        LambdaInvokeException e = failure(result);
        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(e.getErrorCode()).isNull();
        assertThat(e.isRetryable()).isTrue();
        assertThat(OptionValidationTest.messages(e)).doesNotContain("proxy-internal-details");
    }

    @Test
    void malformedChunkAfterA200FailsAsResponseIncompleteNotAsAnEmptySuccess() throws Exception {
        Exchange result = answered(WireMock.aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        // WireMock sends "200, chunked" then garbage and closes; the SDK's Netty client hands over a 200 with an empty
        // payload and no error. Lambda never answers a RequestResponse without a body, so the result was lost: say so
        LambdaInvokeException e = failure(result);
        assertThat(e.getErrorCode()).isEqualTo("ResponseIncomplete");
        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(LambdaInvokeConstants.STATUS_CODE);
    }

    @Test
    void randomDataThenCloseIsARetryableConnectionFailure() throws Exception {
        Exchange result = answered(WireMock.aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        LambdaInvokeException e = failure(result);
        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.CONNECTION_FAILURE);
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.isRetryable()).isTrue();
    }
}
