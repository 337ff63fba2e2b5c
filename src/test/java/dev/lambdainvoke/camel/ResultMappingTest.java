package dev.lambdainvoke.camel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.CapturedLogs;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoked;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "The result" table, row by row, against WireMock answers shaped like Lambda's. */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class ResultMappingTest {

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @Test
    void successPutsPayloadInBodyAndSetsStatusVersionAndRequestId() {
        lambda.stub(invoke("orders").willReturn(ok("{\"total\":42}").withHeader("X-Amz-Executed-Version", "7")
                .withHeader("x-amzn-RequestId", "abc-123")));

        Exchange result = camel.send("lambda-invoke:orders", "{\"id\":1}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo("{\"total\":42}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("7");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID)).isEqualTo("abc-123");
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(LambdaInvokeConstants.FUNCTION_ERROR,
                LambdaInvokeConstants.LOG_TAIL);
    }

    @Test
    void headersLambdaDidNotSendAreNotSet() {
        lambda.stub(invoke("bare").willReturn(WireMock.aResponse().withStatus(200).withBody("1")));

        Exchange result = camel.send("lambda-invoke:bare", "{}");

        assertThat(result.getMessage().getBody()).isEqualTo("1");
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(LambdaInvokeConstants.REQUEST_ID,
                LambdaInvokeConstants.EXECUTED_VERSION);
    }

    @Test
    void functionErrorPutsErrorPayloadInBodyAndSetsFunctionErrorHeader() {
        String error = "{\"errorMessage\":\"bad order\",\"errorType\":\"OrderError\",\"stackTrace\":[\"a.b(C.java:1)\"]}";
        lambda.stub(invoke("orders").willReturn(ok(error).withHeader("X-Amz-Function-Error", "Handled")));

        Exchange result = camel.send("lambda-invoke:orders", "{}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo(error);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Handled");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
    }

    @Test
    void failOnFunctionErrorRaisesParsedErrorAndLeavesBodyForRedelivery() {
        String error = "{\"errorMessage\":\"bad order\",\"errorType\":\"OrderError\",\"stackTrace\":[\"a.b(C.java:1)\"]}";
        lambda.stub(invoke("orders").willReturn(ok(error).withHeader("X-Amz-Function-Error", "Unhandled")));

        Exchange result = camel.send("lambda-invoke:orders?failOnFunctionError=true", "{\"id\":9}");

        assertThat(result.getException()).isInstanceOf(LambdaFunctionErrorException.class);
        LambdaFunctionErrorException e = (LambdaFunctionErrorException) result.getException();
        assertThat(e.getFunctionError()).isEqualTo("Unhandled");
        assertThat(e.getErrorType()).isEqualTo("OrderError");
        assertThat(e.getErrorMessage()).isEqualTo("bad order");
        assertThat(e.getErrorStackTrace()).containsExactly("a.b(C.java:1)");
        assertThat(e.getPayload()).isEqualTo(error);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.FUNCTION_ERROR);
        assertThat(result.getMessage().getBody()).isEqualTo("{\"id\":9}");
    }

    @Test
    void failOnFunctionErrorReadsNodeTraceShape() {
        String error = "{\"errorMessage\":\"boom\",\"errorType\":\"Error\",\"trace\":[\"Error: boom\",\"    at x\"]}";
        lambda.stub(invoke("node").willReturn(ok(error).withHeader("X-Amz-Function-Error", "Unhandled")));

        Exchange result = camel.send("lambda-invoke:node?failOnFunctionError=true", "{}");

        LambdaFunctionErrorException e = (LambdaFunctionErrorException) result.getException();
        assertThat(e.getErrorStackTrace()).containsExactly("Error: boom", "    at x");
        assertThat(e.getErrorMessage()).isEqualTo("boom");
    }

    @Test
    void logTailIsRequestedAndDecodedIntoHeader() {
        String log = "START RequestId: 1\nhello from the function\nEND RequestId: 1\n";
        lambda.stub(invoke("orders").withHeader("X-Amz-Log-Type", WireMock.equalTo("Tail"))
                .willReturn(ok("{}").withHeader("X-Amz-Log-Result",
                        Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)))));

        Exchange result;
        try (CapturedLogs logs = CapturedLogs.component()) {
            result = camel.send("lambda-invoke:orders?logType=Tail", "{\"card\":\"4111-payload-secret\"}");

            assertThat(logs.messages(Level.INFO, LambdaInvokeProducer.class.getName()))
                    .singleElement().asString()
                    .contains("orders").contains("hello from the function");
            assertThat(logs.text()).doesNotContain("4111-payload-secret");
        }

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL)).isEqualTo(log);
    }

    @Test
    void noLogTailIsAskedForOrSetByDefault() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withHeader("X-Amz-Log-Result",
                Base64.getEncoder().encodeToString("unasked".getBytes(StandardCharsets.UTF_8)))));

        Exchange result = camel.send("lambda-invoke:orders", "{}");

        assertThat(lambda.count(invoked("orders").withHeader("X-Amz-Log-Type", WireMock.absent()))).isEqualTo(1);
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(LambdaInvokeConstants.LOG_TAIL);
    }

    @Test
    void statusCodeHeaderIsAnInteger() {
        lambda.stub(invoke("orders").willReturn(ok("{}")));

        Exchange result = camel.send("lambda-invoke:orders", "{}");

        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isInstanceOf(Integer.class);
    }

    @Test
    void qualifierIsSentAsQueryParameter() {
        lambda.stub(invoke("orders").withQueryParam("Qualifier", WireMock.equalTo("prod")).willReturn(ok("\"v\"")));

        Exchange result = camel.send("lambda-invoke:orders?qualifier=prod", "{}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo("\"v\"");
    }

    @Test
    void clientContextIsSentBase64Encoded() {
        String context = "{\"custom\":{\"tenant\":\"t1\"}}";
        String encoded = Base64.getEncoder().encodeToString(context.getBytes(StandardCharsets.UTF_8));
        lambda.stub(invoke("orders").withHeader("X-Amz-Client-Context", WireMock.equalTo(encoded))
                .willReturn(ok("{}")));

        Exchange result = camel.send("lambda-invoke:orders?clientContext=RAW(" + context + ")", "{}");

        assertThat(result.getException()).isNull();
        assertThat(lambda.count(invoked("orders").withHeader("X-Amz-Client-Context", WireMock.equalTo(encoded))))
                .isEqualTo(1);
    }

    @Test
    void eventInvocationKeepsOriginalBodyAndSetsStatus202() {
        lambda.stub(invoke("orders").withHeader("X-Amz-Invocation-Type", WireMock.equalTo("Event"))
                .willReturn(WireMock.aResponse().withStatus(202).withHeader("x-amzn-RequestId", "ev-1")));

        Exchange result = camel.send("lambda-invoke:orders?invocationType=Event&jsonata={\"wrapped\": $}",
                Map.of("id", 5));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo(Map.of("id", 5));
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(202);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID)).isEqualTo("ev-1");
        assertThat(lambda.count(invoked("orders").withRequestBody(WireMock.equalToJson("{\"wrapped\":{\"id\":5}}"))))
                .isEqualTo(1);
    }

    @Test
    void dryRunKeepsOriginalBodyAndSetsStatus204() {
        lambda.stub(invoke("orders").withHeader("X-Amz-Invocation-Type", WireMock.equalTo("DryRun"))
                .willReturn(WireMock.aResponse().withStatus(204).withHeader("x-amzn-RequestId", "dry-1")));

        Exchange result = camel.send("lambda-invoke:orders?invocationType=DryRun", "original");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo("original");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(204);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID)).isEqualTo("dry-1");
    }

    @Test
    void resultHeadersOfAnEarlierInvocationDoNotLeakIntoTheNext() {
        lambda.stub(invoke("first").willReturn(ok("{}").withHeader("X-Amz-Function-Error", "Handled")));
        lambda.stub(invoke("second").willReturn(WireMock.aResponse().withStatus(200).withBody("{}")));

        Exchange first = camel.send("lambda-invoke:first", "{}");
        Exchange second = camel.template().send("lambda-invoke:second", e -> e.getMessage()
                .setHeaders(new java.util.HashMap<>(first.getMessage().getHeaders())));

        assertThat(first.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Handled");
        assertThat(second.getMessage().getHeaders()).doesNotContainKeys(LambdaInvokeConstants.FUNCTION_ERROR,
                LambdaInvokeConstants.REQUEST_ID, LambdaInvokeConstants.EXECUTED_VERSION);
    }
}
