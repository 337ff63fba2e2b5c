package dev.lambdainvoke.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static dev.lambdainvoke.local.SdkClients.invoke;
import static dev.lambdainvoke.local.SdkClients.invokeFailing;
import static org.assertj.core.api.Assertions.assertThat;

/** Reserved concurrency: 429 with Retry-After and a reason for synchronous calls beyond it; Events wait instead. */
class LocalLambdaConcurrencyTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private LocalLambda local;
    private LambdaAsyncClient lambda;

    @AfterEach
    void stop() {
        release.countDown();
        if (lambda != null) {
            lambda.close();
        }
        if (local != null) {
            local.close();
        }
    }

    /** A handler that says it started and then holds its place until the test releases it. */
    private RequestHandler<Object, String> holding(CountDownLatch started) {
        return (in, context) -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "held";
        };
    }

    private CompletableFuture<InvokeResponse> invokeAsync(String function) {
        return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{}")));
    }

    @Test
    void invocationBeyondReservedConcurrencyIs429WithRetryAfterAndReason() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        local = LocalLambda.builder()
                .function(LocalFunction.named("limited").handler(holding(started)).reservedConcurrency(2))
                .start();
        lambda = SdkClients.against(local);
        CompletableFuture<InvokeResponse> first = invokeAsync("limited");
        CompletableFuture<InvokeResponse> second = invokeAsync("limited");
        assertThat(started.await(10, TimeUnit.SECONDS)).as("two invocations running").isTrue();

        LambdaException e = invokeFailing(lambda, r -> r.functionName("limited"));

        assertThat(e).isInstanceOf(TooManyRequestsException.class);
        TooManyRequestsException throttled = (TooManyRequestsException) e;
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.retryAfterSeconds()).isEqualTo("1");
        assertThat(throttled.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThat(throttled.reason()).isEqualTo(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
        assertThat(throttled.type()).isEqualTo("User");
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
        assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
        assertThat(local.invocations("limited")).isEqualTo(2);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).payload().asUtf8String()).isEqualTo("\"held\"");
        assertThat(second.get(10, TimeUnit.SECONDS).payload().asUtf8String()).isEqualTo("\"held\"");
        // the places are free again once the answers are out
        assertThat(invoke(lambda, "limited", "{}").statusCode()).isEqualTo(200);
        assertThat(local.invocations("limited")).isEqualTo(3);
    }

    @Test
    void eventBeyondReservedConcurrencyIsAcceptedAndRunsWhenAPlaceFreesUp() throws Exception {
        CountDownLatch syncStarted = new CountDownLatch(1);
        CountDownLatch eventRan = new CountDownLatch(1);
        RequestHandler<Object, String> eventOrHold = (in, context) -> {
            if (in != null) {
                eventRan.countDown();
                return "event";
            }
            return holding(syncStarted).handleRequest(null, context);
        };
        local = LocalLambda.builder()
                .function(LocalFunction.named("one-at-a-time").handler(eventOrHold).reservedConcurrency(1))
                .start();
        lambda = SdkClients.against(local);
        CompletableFuture<InvokeResponse> holder = lambda.invoke(r -> r.functionName("one-at-a-time"));
        assertThat(syncStarted.await(10, TimeUnit.SECONDS)).isTrue();

        InvokeResponse event = invoke(lambda, r -> r.functionName("one-at-a-time").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"event\": true}")));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(local.invocations("one-at-a-time")).as("the event waits for the place").isEqualTo(1);
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(eventRan.await(10, TimeUnit.SECONDS)).as("event ran once the place was free").isTrue();
        assertThat(local.invocations("one-at-a-time")).isEqualTo(2);
    }

    @Test
    void reservedConcurrencyOfZeroThrottlesEverySynchronousInvocation() {
        local = LocalLambda.builder()
                .function(LocalFunction.named("disabled").handler(holding(new CountDownLatch(1))).reservedConcurrency(0))
                .start();
        lambda = SdkClients.against(local);

        LambdaException e = invokeFailing(lambda, r -> r.functionName("disabled"));

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(local.invocations("disabled")).isZero();
    }

    @Test
    void functionsWithoutReservedConcurrencyRunInParallel() throws Exception {
        CountDownLatch started = new CountDownLatch(5);
        local = LocalLambda.builder().function("unlimited", holding(started)).start();
        lambda = SdkClients.against(local);

        CompletableFuture<?>[] calls = new CompletableFuture<?>[5];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = invokeAsync("unlimited");
        }

        assertThat(started.await(10, TimeUnit.SECONDS)).as("five handlers running at once").isTrue();
        release.countDown();
        CompletableFuture.allOf(calls).get(10, TimeUnit.SECONDS);
    }
}
