package dev.lambdainvoke.local;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import static dev.lambdainvoke.local.SdkClients.invoke;
import static dev.lambdainvoke.local.SdkClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** Function errors and timeouts: 200 with X-Amz-Function-Error: Unhandled and the payloads Lambda writes. */
class LocalLambdaErrorsTest {

    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final CountDownLatch SLOW_STARTED = new CountDownLatch(1);
    private static final CountDownLatch SLOW_INTERRUPTED = new CountDownLatch(1);

    private static LocalLambda local;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() {
        RequestHandler<Object, Object> blocksUntilInterrupted = (in, context) -> {
            SLOW_STARTED.countDown();
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                SLOW_INTERRUPTED.countDown();
            }
            return "too late";
        };
        RequestStreamHandler oversized = (in, out, context) -> writeBytes(out, FunctionErrors.MAX_RESPONSE_BYTES + 1);
        RequestStreamHandler atLimit = (in, out, context) -> writeBytes(out, FunctionErrors.MAX_RESPONSE_BYTES);
        local = LocalLambda.builder()
                .function(LocalFunction.named("thrower").handler(new Thrower()).version("3", new Thrower())
                        .alias("live", "3"))
                .function(LocalFunction.named("slow").handler(blocksUntilInterrupted).timeout(Duration.ofMillis(200)))
                .function("oversized", oversized)
                .function("at-limit", atLimit)
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterAll
    static void stop() {
        NEVER.countDown();
        lambda.close();
        local.close();
    }

    @Test
    void thrownExceptionIsAnUnhandledFunctionErrorInTheJavaRuntimesShape() {
        InvokeResponse response = invoke(lambda, "thrower:live", "{\"sku\": \"plum\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.executedVersion()).isEqualTo("3");
        Map<String, Object> error = json(response.payload());
        assertThat(error).containsEntry("errorMessage", "no price for plum")
                .containsEntry("errorType", "java.lang.IllegalStateException");
        assertThat(error.get("stackTrace")).asInstanceOf(LIST).isNotEmpty()
                .first().asString().startsWith(Thrower.class.getName() + ".price(");
        assertThat(error.get("stackTrace")).asInstanceOf(LIST)
                .anySatisfy(frame -> assertThat((String) frame).startsWith(Thrower.class.getName() + ".handleRequest("))
                .noneSatisfy(frame -> assertThat((String) frame).contains("JsonHandlerAdapter"));
        assertThat(error.get("cause")).asInstanceOf(MAP)
                .containsEntry("errorType", "java.lang.ArithmeticException")
                .containsEntry("errorMessage", "no rate");
    }

    @Test
    void handlerPastItsTimeoutIsAnsweredAsSandboxTimedoutAndInterrupted() throws Exception {
        long started = System.nanoTime();
        InvokeResponse response = invoke(lambda, "slow", "{}");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(SLOW_STARTED.getCount()).isZero();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":"
                                                                + "\"RequestId: " + response.responseMetadata().requestId()
                                                                + " Error: Task timed out after 0.20 seconds\"}");
        assertThat(tookMillis).isGreaterThanOrEqualTo(200).isLessThan(10_000);
        assertThat(SLOW_INTERRUPTED.await(10, TimeUnit.SECONDS)).as("handler thread interrupted").isTrue();
    }

    @Test
    void responseOverTheLambdaLimitIsAFunctionError() {
        InvokeResponse response = invoke(lambda, "oversized", "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(json(response.payload())).containsEntry("errorType", "Function.ResponseSizeTooLarge");
    }

    @Test
    void responseAtTheLambdaLimitIsReturned() {
        InvokeResponse response = invoke(lambda, "at-limit", "{}");

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asByteArray()).hasSize(FunctionErrors.MAX_RESPONSE_BYTES);
    }

    private static void writeBytes(OutputStream out, int size) throws IOException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) '1');
        out.write(bytes);
    }

    /** Fails with a cause, a few frames deep, as real code does. */
    public static class Thrower implements RequestHandler<Map<String, String>, Object> {
        @Override
        public Object handleRequest(Map<String, String> input, Context context) {
            return price(input.get("sku"));
        }

        private Object price(String sku) {
            throw new IllegalStateException("no price for " + sku, new ArithmeticException("no rate"));
        }
    }
}
