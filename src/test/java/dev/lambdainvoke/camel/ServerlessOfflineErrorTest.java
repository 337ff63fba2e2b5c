package dev.lambdainvoke.camel;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ServerlessOfflineExtension;
import dev.lambdainvoke.camel.support.ServerlessOfflinePeer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "The request" (payload limit) and "Errors" against a real Lambda Invoke implementation running real handlers
 * (serverless-offline): what the component makes of the peer's own error answers, and what it refuses to send.
 */
@ExtendWith(ServerlessOfflineExtension.class)
class ServerlessOfflineErrorTest {

    private static final int SYNC_LIMIT = 6_291_456;

    private ServerlessOfflinePeer peer;
    private CamelHarness camel;

    private String uri(String function, String options) {
        return "lambda-invoke:" + peer.functionName(function) + (options.isEmpty() ? "" : "?" + options);
    }

    private LambdaInvokeException failureOf(String uri, Object body) {
        Exchange result = camel.send(uri, body);
        assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
        return (LambdaInvokeException) result.getException();
    }

    /** Invokes the counter function, which counts its invocations since the peer started, and returns its count. */
    private int countInvocations() {
        Exchange result = camel.send(uri("counter", ""), "{}");
        assertThat(result.getException()).isNull();
        String body = result.getMessage().getBody(String.class);
        assertThat(body).matches("\\{\"count\":\\d+}");
        return Integer.parseInt(body.replaceAll("\\D", ""));
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    private static String jsonOfSize(int bytes) {
        return "{\"pad\":\"" + "x".repeat(bytes - 10) + "\"}";
    }

    @Test
    void payloadJustOver6MiBIsRefusedBeforeItReachesTheFunction() {
        int before = countInvocations();

        LambdaInvokeException e = failureOf(uri("counter", ""), jsonOfSize(SYNC_LIMIT + 1));

        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.PAYLOAD_TOO_LARGE);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getStatusCode()).isZero();
        assertThat(countInvocations()).as("invocations counted by the function").isEqualTo(before + 1);
    }

    @Test
    void bodyThePeerCannotParseComesBackAsItsRetryable500() {
        // real Lambda answers 400 InvalidRequestContentException; serverless-offline answers 500 without an error
        // type, and the component classifies it by status, as the SPEC says for any 500
        LambdaInvokeException e = failureOf(uri("echo", ""), "hello, not JSON");

        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getErrorCode()).isNull();
        assertThat(e.getFunction()).isEqualTo(peer.functionName("echo"));
    }

    @Test
    void requestThePeerRejectsIsANonRetryable400WithItsErrorCode() {
        // serverless-offline does not support DryRun and says so with 400 InvalidParameterValueException
        LambdaInvokeException e = failureOf(uri("echo", "invocationType=DryRun"), "{}");

        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.isRetryable()).isFalse();
    }
}
