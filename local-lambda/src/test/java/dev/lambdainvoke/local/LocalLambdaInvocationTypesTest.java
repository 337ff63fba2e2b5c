package dev.lambdainvoke.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import static dev.lambdainvoke.local.SdkClients.invoke;
import static dev.lambdainvoke.local.SdkClients.invokeFailing;
import static org.assertj.core.api.Assertions.assertThat;

/** RequestResponse, Event and DryRun; the payload limits and the JSON check made before anything runs. */
class LocalLambdaInvocationTypesTest {

    private static final int SYNC_LIMIT = 6_291_456;
    private static final int EVENT_LIMIT = 1_048_576;

    private static final CountDownLatch EVENT_MAY_FINISH = new CountDownLatch(1);
    private static final CountDownLatch EVENT_FINISHED = new CountDownLatch(1);
    private static final CountDownLatch FAILING_EVENT_RAN = new CountDownLatch(1);

    private static LocalLambda local;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() {
        RequestHandler<Object, String> awaitsRelease = (in, context) -> {
            await(EVENT_MAY_FINISH);
            EVENT_FINISHED.countDown();
            return "done";
        };
        RequestHandler<Object, String> failsOnEvent = (in, context) -> {
            FAILING_EVENT_RAN.countDown();
            if (in != null) {
                throw new IllegalStateException("event handler failed");
            }
            return "still serving";
        };
        RequestHandler<Object, Integer> payloadLength = (in, context) -> in == null ? 0 : String.valueOf(in).length();
        local = LocalLambda.builder()
                .function("event", awaitsRelease)
                .function("failing-event", failsOnEvent)
                .function("dry-run", new CountingHandler())
                .function("sized", payloadLength)
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterAll
    static void stop() {
        EVENT_MAY_FINISH.countDown();
        lambda.close();
        local.close();
    }

    @Test
    void requestResponseIsTheDefaultAndAnswers200WithThePayload() {
        InvokeResponse response = invoke(lambda, "sized", "\"four\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("4");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
    }

    @Test
    void eventAnswers202WithAnEmptyBodyAndRunsTheHandlerAfterwards() throws Exception {
        InvokeResponse response = invoke(lambda, r -> r.functionName("event").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));

        // the handler is still held: the 202 came before it finished
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        assertThat(EVENT_FINISHED.getCount()).isEqualTo(1);

        EVENT_MAY_FINISH.countDown();
        assertThat(EVENT_FINISHED.await(10, TimeUnit.SECONDS)).as("event handler ran").isTrue();
        assertThat(local.invocations("event")).isEqualTo(1);
    }

    @Test
    void eventHandlerThatThrowsIsLoggedAndTheHostKeepsServing() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(InvocationRunner.class.getName())) {
            InvokeResponse event = invoke(lambda, r -> r.functionName("failing-event")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"fail\": true}")));
            assertThat(event.statusCode()).isEqualTo(202);
            assertThat(FAILING_EVENT_RAN.await(10, TimeUnit.SECONDS)).isTrue();

            LogEvent failure = logs.await(e -> e.getMessage().getFormattedMessage().contains("failing-event"),
                    Duration.ofSeconds(10));
            assertThat(failure).as("the failed event is logged").isNotNull();
            assertThat(failure.getLevel()).isEqualTo(Level.WARN);
            assertThat(failure.getMessage().getFormattedMessage())
                    .contains("Event invocation " + event.responseMetadata().requestId())
                    .endsWith("failed: java.lang.IllegalStateException");
        }

        InvokeResponse after = invoke(lambda, r -> r.functionName("failing-event"));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.payload().asUtf8String()).isEqualTo("\"still serving\"");
    }

    @Test
    void dryRunAnswers204AndDoesNotRunTheHandler() {
        InvokeResponse response = invoke(lambda, r -> r.functionName("dry-run").invocationType(InvocationType.DRY_RUN)
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.payload().asByteArray()).isEmpty();
        assertThat(CountingHandler.calls).isZero();
        assertThat(local.invocations("dry-run")).isZero();
    }

    @Test
    void dryRunOfAnUnknownFunctionIs404() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("nope").invocationType(InvocationType.DRY_RUN));

        assertThat(e.statusCode()).isEqualTo(404);
    }

    @Test
    void unknownInvocationTypeIs400() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("sized").invocationType("Sometimes"));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
    }

    @Test
    void requestResponsePayloadOverSixMegabytesIs413() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("sized").payload(jsonString(SYNC_LIMIT + 1)));

        assertThat(e.statusCode()).isEqualTo(413);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("6291456 bytes");
    }

    @Test
    void requestResponsePayloadAtSixMegabytesIsAccepted() {
        InvokeResponse response = invoke(lambda, r -> r.functionName("sized").payload(jsonString(SYNC_LIMIT)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo(String.valueOf(SYNC_LIMIT - 2));
    }

    @Test
    void eventPayloadOverOneMegabyteIs413() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("sized").invocationType(InvocationType.EVENT)
                .payload(jsonString(EVENT_LIMIT + 1)));

        assertThat(e.statusCode()).isEqualTo(413);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("1048576 bytes");
    }

    @Test
    void eventPayloadAtOneMegabyteIsAccepted() {
        InvokeResponse response = invoke(lambda, r -> r.functionName("sized").invocationType(InvocationType.EVENT)
                .payload(jsonString(EVENT_LIMIT)));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("sized").payload(SdkBytes.fromUtf8String("not json")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Could not parse request body into json");
    }

    @Test
    void bodyWithTwoJsonValuesIs400() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("sized").payload(SdkBytes.fromUtf8String("{} {}")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
    }

    @Test
    void everyAnswerCarriesARequestIdAndJsonContentTypeAndErrorsTheirErrorType() {
        InvokeResponse ok = invoke(lambda, "sized", "{}");
        InvokeResponse dryRun = invoke(lambda, r -> r.functionName("sized").invocationType(InvocationType.DRY_RUN));
        LambdaException error = invokeFailing(lambda, r -> r.functionName("nope"));

        for (var http : new software.amazon.awssdk.http.SdkHttpResponse[] {ok.sdkHttpResponse(), dryRun.sdkHttpResponse(),
            error.awsErrorDetails().sdkHttpResponse()}) {
            assertThat(http.firstMatchingHeader("x-amzn-RequestId")).hasValueSatisfying(
                    id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
            assertThat(http.firstMatchingHeader("Content-Type")).hasValue("application/json");
        }
        assertThat(error.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amzn-ErrorType"))
                .hasValue("ResourceNotFoundException");
        assertThat(error.requestId()).isNotBlank();
    }

    /** A JSON string of exactly {@code size} bytes. */
    private static SdkBytes jsonString(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        bytes[0] = '"';
        bytes[size - 1] = '"';
        return SdkBytes.fromByteArrayUnsafe(bytes);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts its calls, to show one did not happen. */
    public static class CountingHandler implements RequestHandler<Object, String> {
        static volatile int calls;

        @Override
        public String handleRequest(Object input, Context context) {
            calls++;
            return "ran";
        }
    }
}
