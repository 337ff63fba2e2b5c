package dev.lambdainvoke.camel.support;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Proves the serverless-offline peer behaves as the component's tests expect, through the real AWS SDK v2. */
@ExtendWith(ServerlessOfflineExtension.class)
class ServerlessOfflinePeerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void client(ServerlessOfflinePeer peer) {
        lambda = LambdaAsyncClient.builder()
                .endpointOverride(peer.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void closeClient() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void echoRoundTripsAJsonObject(ServerlessOfflinePeer peer) throws Exception {
        String event = "{\"greeting\":\"héllo\",\"n\":42,\"nested\":{\"list\":[1,2.5,null,true]}}";

        InvokeResponse response = invoke(peer.functionName("echo"), InvocationType.REQUEST_RESPONSE, event);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(JSON.readTree(response.payload().asUtf8String())).isEqualTo(JSON.readTree(event));
    }

    @Test
    void aThrowingHandlerIsAnUnhandledFunctionError(ServerlessOfflinePeer peer) throws Exception {
        InvokeResponse response = invoke(peer.functionName("fail"), InvocationType.REQUEST_RESPONSE, "{\"reason\":\"testing\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorMessage").asText()).isEqualTo("boom: testing");
        assertThat(error.path("errorType").asText()).isEqualTo("Error");
        assertThat(error.path("trace").isArray()).isTrue();
    }

    @Test
    void anUnknownFunctionIsResourceNotFound(ServerlessOfflinePeer peer) {
        Throwable thrown = catchThrowable(() -> invoke(peer.functionName("no-such-function"), InvocationType.REQUEST_RESPONSE, "{}"));

        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ResourceNotFoundException.class);
        assertThat(((ResourceNotFoundException) thrown.getCause()).statusCode()).isEqualTo(404);
    }

    @Test
    void anEventInvokeIsAccepted(ServerlessOfflinePeer peer) throws Exception {
        InvokeResponse response = invoke(peer.functionName("echo"), InvocationType.EVENT, "{\"async\":true}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.functionError()).isNull();
    }

    @Test
    void anEventInvokeOfAThrowingHandlerDoesNotKillThePeer(ServerlessOfflinePeer peer) throws Exception {
        String reason = "event-" + UUID.randomUUID();

        InvokeResponse accepted = invoke(peer.functionName("fail"), InvocationType.EVENT, "{\"reason\":\"" + reason + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        // the handler runs after the 202: wait until preload.js has caught its rejection, then check the peer lives
        peer.awaitLogLine("[peer preload] unhandled rejection (ignored): Error: boom: " + reason, Duration.ofSeconds(10));

        InvokeResponse echo = invoke(peer.functionName("echo"), InvocationType.REQUEST_RESPONSE, "{\"still\":\"alive\"}");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.payload().asUtf8String()).isEqualTo("{\"still\":\"alive\"}");
    }

    @Test
    void aHandlerPastItsTimeoutIsAnUnhandled504Error(ServerlessOfflinePeer peer) throws Exception {
        InvokeResponse response = invoke(peer.functionName("timeout"), InvocationType.REQUEST_RESPONSE, "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(JSON.readTree(response.payload().asUtf8String()).path("errorMessage").asText())
                .isEqualTo("[504] - Lambda timeout.");
    }

    @Test
    void theCounterCountsInvocations(ServerlessOfflinePeer peer) throws Exception {
        int first = JSON.readTree(invoke(peer.functionName("counter"), InvocationType.REQUEST_RESPONSE, "{}").payload().asUtf8String())
                .path("count").asInt();
        int second = JSON.readTree(invoke(peer.functionName("counter"), InvocationType.REQUEST_RESPONSE, "{}").payload().asUtf8String())
                .path("count").asInt();

        assertThat(first).isPositive();
        assertThat(second).isEqualTo(first + 1);
    }

    private static InvokeResponse invoke(String function, InvocationType type, String payload) throws Exception {
        CompletableFuture<InvokeResponse> future = lambda.invoke(r -> r
                .functionName(function)
                .invocationType(type)
                .payload(SdkBytes.fromUtf8String(payload)));
        return future.get(30, TimeUnit.SECONDS);
    }
}
