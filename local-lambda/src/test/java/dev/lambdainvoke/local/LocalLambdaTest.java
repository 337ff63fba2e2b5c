package dev.lambdainvoke.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import static dev.lambdainvoke.local.SdkClients.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The host itself: its public API, lifecycle, and what it refuses to start with. */
class LocalLambdaTest {

    private static final Function<Object, String> OK = in -> "ok";

    @Test
    void startsOnAFreeLoopbackPortAndServesTheQuickstartShape() {
        try (LocalLambda local = LocalLambda.builder().function("echo", OK).start();
             LambdaAsyncClient lambda = SdkClients.against(local)) {

            assertThat(local.endpoint().getScheme()).isEqualTo("http");
            assertThat(local.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(local.endpoint().getPort()).isEqualTo(local.port()).isPositive();
            assertThat(invoke(lambda, "echo", "{}").payload().asUtf8String()).isEqualTo("\"ok\"");
        }
    }

    @Test
    void listensOnTheGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (LocalLambda local = LocalLambda.builder().port(port).function("echo", OK).start()) {
            assertThat(local.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        }
    }

    @Test
    void closeFreesThePortAndStopsServing() throws Exception {
        LocalLambda local = LocalLambda.builder().function("echo", OK).start();
        int port = local.port();
        try (LambdaAsyncClient lambda = SdkClients.against(local)) {
            assertThat(invoke(lambda, "echo", "{}").statusCode()).isEqualTo(200);

            local.close();

            try (ServerSocket rebound = new ServerSocket()) {
                rebound.bind(new InetSocketAddress("127.0.0.1", port));
                assertThat(rebound.getLocalPort()).isEqualTo(port);
            }
            Throwable refused = catchThrowable(() -> lambda.invoke(r -> r.functionName("echo")).get(10, TimeUnit.SECONDS));
            assertThat(refused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        LocalLambda local = LocalLambda.builder().function("echo", OK).start();

        local.close();

        assertThatCode(local::close).doesNotThrowAnyException();
    }

    @Test
    void closeEndsRunningInvocationsAndInterruptsTheirHandlers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        RequestHandler<Object, String> blocks = (in, context) -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "interrupted";
        };
        LocalLambda local = LocalLambda.builder()
                .function(LocalFunction.named("blocks").handler(blocks).timeout(Duration.ofSeconds(60)))
                .start();
        try (LambdaAsyncClient lambda = SdkClients.against(local)) {
            CompletableFuture<InvokeResponse> call = lambda.invoke(r -> r.functionName("blocks"));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            local.close();

            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("handler thread interrupted").isTrue();
            assertThat(catchThrowable(() -> call.get(10, TimeUnit.SECONDS))).as("the caller gets no result")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void functionArnAndArnInvocationsUseTheConfiguredRegionAndAccount() {
        try (LocalLambda local = LocalLambda.builder().region("eu-west-1").accountId("123456789012")
                .function("orders", OK).start();
             LambdaAsyncClient lambda = SdkClients.against(local)) {

            assertThat(local.functionArn("orders")).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders");
            assertThat(invoke(lambda, local.functionArn("orders"), "{}").statusCode()).isEqualTo(200);
            assertThat(invoke(lambda, "123456789012:function:orders", "{}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void defaultArnIsInUsEast1AndAccountZero() {
        try (LocalLambda local = LocalLambda.builder().function("orders", OK).start()) {
            assertThat(local.functionArn("orders")).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:orders");
        }
    }

    @Test
    void invocationsCountsHandlerRunsOverAllQualifiers() {
        try (LocalLambda local = LocalLambda.builder()
                .function(LocalFunction.named("counted").handler(OK).version("1", OK).alias("prod", "1"))
                .function("other", OK)
                .start();
             LambdaAsyncClient lambda = SdkClients.against(local)) {

            invoke(lambda, "counted", "{}");
            invoke(lambda, "counted:1", "{}");
            invoke(lambda, "counted:prod", "{}");
            invoke(lambda, r -> r.functionName("counted").invocationType("DryRun"));

            assertThat(local.invocations("counted")).isEqualTo(3);
            assertThat(local.invocations("other")).isZero();
        }
    }

    @Test
    void signaturesAreNotCheckedSoAnUnsignedCallWorks() throws Exception {
        try (LocalLambda local = LocalLambda.builder().function("echo", OK).start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(local.endpoint().resolve("/2015-03-31/functions/echo/invocations"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("\"ok\"");
        }
    }

    @Test
    void otherOperationsAre404UnknownOperation() throws Exception {
        try (LocalLambda local = LocalLambda.builder().function("echo", OK).start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(local.endpoint().resolve("/2015-03-31/functions/echo")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
            assertThat(SdkClients.json(SdkBytes.fromUtf8String(response.body())))
                    .containsEntry("Type", "User").containsKey("message");
        }
    }

    @Test
    void unknownFunctionInTheHostsOwnApiIsTheCallersMistake() {
        try (LocalLambda local = LocalLambda.builder().function("echo", OK).start()) {
            assertThatThrownBy(() -> local.invocations("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No function 'nope'").hasMessageContaining("[echo]");
            assertThatThrownBy(() -> local.functionArn("nope")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void definitionsLambdaWouldRejectFailAtRegistrationOrStart() {
        assertThatThrownBy(() -> LocalFunction.named("bad name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad name");
        assertThatThrownBy(() -> LocalFunction.named("f").version("v2", OK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> LocalFunction.named("f").alias("42", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not digits only");
        assertThatThrownBy(() -> LocalFunction.named("f").timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalFunction.named("f").timeout(Duration.ofSeconds(901)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalFunction.named("f").reservedConcurrency(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalFunction.named("f").handler(OK).handler(OK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has a handler already");
        assertThatThrownBy(() -> LocalLambda.builder().function("f", OK).function("f", OK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> LocalLambda.builder().function(LocalFunction.named("f").version("1", OK)).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no handler");
        assertThatThrownBy(() -> LocalLambda.builder().function(LocalFunction.named("f").handler(OK).alias("prod", "2"))
                .start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'prod'").hasMessageContaining("'2'");
        assertThatThrownBy(() -> LocalLambda.builder().accountId("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalLambda.builder().region("mars")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portInUseFailsToStartWithTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalLambda.builder().port(taken.getLocalPort()).start())
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }
}
