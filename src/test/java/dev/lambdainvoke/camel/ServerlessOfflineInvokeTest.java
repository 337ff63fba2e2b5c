package dev.lambdainvoke.camel;

import java.util.Map;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ServerlessOfflineExtension;
import dev.lambdainvoke.camel.support.ServerlessOfflinePeer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Node.js handlers on serverless-offline, invoked through routes: what a real function does, end to end. */
@ExtendWith(ServerlessOfflineExtension.class)
class ServerlessOfflineInvokeTest {

    private ServerlessOfflinePeer peer;
    private CamelHarness camel;

    private String uri(String function, String options) {
        return "lambda-invoke:" + peer.functionName(function) + (options.isEmpty() ? "" : "?" + options);
    }

    @Test
    void jsonataMappedRequestReachesTheFunctionAndItsAnswerBecomesTheBody() {
        Exchange result = camel.send(uri("echo", "jsonata={\"order\": id, \"tenant\": $headers.tenant}"),
                "{\"id\": 7, \"ignored\": true}", Map.of("tenant", "acme"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"order\":7,\"tenant\":\"acme\"}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(LambdaInvokeConstants.FUNCTION_ERROR);
    }

    @Test
    void thrownErrorBecomesUnhandledFunctionErrorWithErrorPayloadAsBody() {
        Exchange result = camel.send(uri("fail", ""), "{\"reason\": \"bad input\"}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
        assertThat(result.getMessage().getBody(String.class)).contains("boom: bad input").contains("\"trace\"");
    }

    @Test
    void thrownErrorWithFailOnFunctionErrorRaisesParsedException() {
        Exchange result = camel.send(uri("fail", "failOnFunctionError=true"), "{\"reason\": \"bad input\"}");

        assertThat(result.getException()).isInstanceOf(LambdaFunctionErrorException.class);
        LambdaFunctionErrorException e = (LambdaFunctionErrorException) result.getException();
        assertThat(e.getFunctionError()).isEqualTo("Unhandled");
        assertThat(e.getErrorType()).isEqualTo("Error");
        assertThat(e.getErrorMessage()).isEqualTo("boom: bad input");
        assertThat(e.getErrorStackTrace()).isNotEmpty().first().asString().contains("boom: bad input");
        assertThat(e.isRetryable()).isFalse();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"reason\": \"bad input\"}");
    }

    @Test
    void unknownFunctionFailsWithNonRetryableNotFound() {
        Exchange result = camel.send("lambda-invoke:peer-dev-nope", "{}");

        assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
        LambdaInvokeException e = (LambdaInvokeException) result.getException();
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getErrorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getFunction()).isEqualTo("peer-dev-nope");
    }

    @Test
    void eventInvocationIsAcceptedWith202AndKeepsTheBody() {
        Exchange result = camel.send(uri("echo", "invocationType=Event"), "{\"fire\":\"and forget\"}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(202);
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"fire\":\"and forget\"}");
    }

    @Test
    void functionTimeoutIsReportedAsUnhandledFunctionError() {
        Exchange result = camel.send(uri("timeout", ""), "{}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
        assertThat(result.getMessage().getBody(String.class)).contains("Lambda timeout");
    }

    @Test
    void functionRunning35SecondsSucceedsWithDefaultSettings() {
        // the SDK's default socket read timeout is 30 s: the default 'timeout' of 15m must raise it
        Exchange result = camel.send(uri("slow", ""), "{\"seconds\": 35}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"slept\":35}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
    }
}
