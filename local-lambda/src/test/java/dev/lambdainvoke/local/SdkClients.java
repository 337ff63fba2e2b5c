package dev.lambdainvoke.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The real SDK client, pointed at a LocalLambda, and the few helpers the tests share. */
final class SdkClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SdkClients() {
    }

    /** As a user would build it against LocalLambda: dummy keys, us-east-1, no SDK retries. */
    static LambdaAsyncClient against(LocalLambda local) {
        return LambdaAsyncClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    static InvokeResponse invoke(LambdaAsyncClient lambda, Consumer<InvokeRequest.Builder> request) {
        try {
            return lambda.invoke(request).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("invocation failed: " + e, e);
        }
    }

    static InvokeResponse invoke(LambdaAsyncClient lambda, String function, String payload) {
        return invoke(lambda, r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    /** The SDK's exception for an error answer; fails the test when the call succeeded. */
    static LambdaException invokeFailing(LambdaAsyncClient lambda, Consumer<InvokeRequest.Builder> request) {
        Throwable thrown = catchThrowable(() -> lambda.invoke(request).join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(LambdaException.class);
        return (LambdaException) thrown.getCause();
    }

    static Map<String, Object> json(SdkBytes payload) {
        try {
            return JSON.readValue(payload.asByteArray(), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError("payload is not a JSON object: " + payload.asUtf8String(), e);
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeBase64(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
