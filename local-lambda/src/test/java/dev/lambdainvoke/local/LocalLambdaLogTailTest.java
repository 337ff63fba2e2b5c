package dev.lambdainvoke.local;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

import static dev.lambdainvoke.local.SdkClients.decodeBase64;
import static dev.lambdainvoke.local.SdkClients.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Amz-Log-Type: Tail, and where the handler's LambdaLogger lines go. */
class LocalLambdaLogTailTest {

    private static final String REPORT_LINE = "REPORT RequestId: %s\tDuration: \\d+\\.\\d{2} ms\tBilled Duration: \\d+ ms\t"
                                              + "Memory Size: 128 MB\tMax Memory Used: 1 MB";
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private static LocalLambda local;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() {
        RequestHandler<Object, String> chatty = (in, context) -> {
            context.getLogger().log("hello from the handler");
            context.getLogger().log("a warning\n", LogLevel.WARN);
            context.getLogger().log("bytes too".getBytes(StandardCharsets.UTF_8));
            return "ok";
        };
        // 3,000 euro signs (3 bytes each), then 0 to 2 ASCII bytes: one of three calls puts the 4 KB cut inside a sign
        RequestHandler<Integer, String> long3ByteLine = (in, context) -> {
            context.getLogger().log("€".repeat(3000) + "x".repeat(in));
            return "ok";
        };
        RequestHandler<Object, String> fails = (in, context) -> {
            context.getLogger().log("about to fail");
            throw new IllegalStateException("boom");
        };
        RequestHandler<Object, String> hangs = (in, context) -> {
            context.getLogger().log("waiting forever");
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "too late";
        };
        local = LocalLambda.builder()
                .function("chatty", chatty)
                .function(LocalFunction.named("long-line").handler(Integer.class, in -> in)
                        .version("1", long3ByteLine).alias("cut", "1"))
                .function("fails", fails)
                .function(LocalFunction.named("hangs").handler(hangs).timeout(Duration.ofMillis(200)))
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterAll
    static void stop() {
        NEVER.countDown();
        lambda.close();
        local.close();
    }

    private static InvokeResponse invokeWithTail(String function, String payload) {
        return invoke(lambda, r -> r.functionName(function).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void tailHasStartTheHandlersLinesEndAndReport() {
        InvokeResponse response = invokeWithTail("chatty", "{}");
        String id = response.responseMetadata().requestId();

        String[] lines = decodeBase64(response.logResult()).split("\n");

        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("START RequestId: " + id + " Version: $LATEST");
        assertThat(lines[1]).isEqualTo("hello from the handler");
        assertThat(lines[2]).isEqualTo("[WARN] a warning");
        assertThat(lines[3]).isEqualTo("bytes too");
        assertThat(lines[4]).isEqualTo("END RequestId: " + id);
        assertThat(lines[5]).matches(String.format(REPORT_LINE, id));
    }

    @Test
    void withoutLogTypeTailThereIsNoLogResult() {
        InvokeResponse response = invoke(lambda, "chatty", "{}");

        assertThat(response.logResult()).isNull();
    }

    @Test
    void eventInvocationsHaveNoLogResult() {
        InvokeResponse response = invoke(lambda, r -> r.functionName("chatty").invocationType(InvocationType.EVENT)
                .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.logResult()).isNull();
    }

    @ParameterizedTest(name = "{0} ASCII bytes after the euro signs")
    @ValueSource(ints = {0, 1, 2})
    void tailIsTheLast4096BytesCutOnACharacterBoundary(int asciiBytes) throws Exception {
        InvokeResponse response = invokeWithTail("long-line:cut", String.valueOf(asciiBytes));

        byte[] tail = Base64.getDecoder().decode(response.logResult());
        assertThat(tail.length).isBetween(4094, 4096);
        String text = strictUtf8(tail);
        assertThat(text).doesNotContain("START").startsWith("€€€")
                .contains("€".repeat(100) + "x".repeat(asciiBytes) + "\nEND RequestId: ");
        String[] lines = text.split("\n");
        assertThat(lines[lines.length - 1]).matches(String.format(REPORT_LINE, response.responseMetadata().requestId()));
    }

    @Test
    void tailOfAFunctionErrorHasTheHandlersLinesAndTheException() {
        InvokeResponse response = invokeWithTail("fails", "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        String tail = decodeBase64(response.logResult());
        assertThat(tail).contains("about to fail\nboom: java.lang.IllegalStateException\n"
                                  + "java.lang.IllegalStateException: boom\n\tat ")
                .contains("END RequestId: " + response.responseMetadata().requestId())
                .contains("REPORT RequestId: " + response.responseMetadata().requestId());
    }

    @Test
    void tailOfATimeoutSaysTheTaskTimedOut() {
        InvokeResponse response = invokeWithTail("hangs", "{}");
        String id = response.responseMetadata().requestId();

        String tail = decodeBase64(response.logResult());
        assertThat(tail).contains("waiting forever\n")
                .containsPattern("\\S+ " + id + " Task timed out after 0.20 seconds\nEND RequestId: " + id)
                .contains("\tStatus: timeout");
    }

    @Test
    void handlerLinesGoToSlf4jAtDebugOnTheFunctionsLoggerAndNeverHigher() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(DeployedFunction.LOGGER_PREFIX + "chatty")) {
            InvokeResponse response = invoke(lambda, "chatty", "{}");

            LogEvent line = logs.await(e -> e.getMessage().getFormattedMessage().contains("hello from the handler"),
                    Duration.ofSeconds(5));
            assertThat(line).isNotNull();
            assertThat(line.getLoggerName()).isEqualTo("dev.lambdainvoke.local.function.chatty");
            assertThat(line.getMessage().getFormattedMessage())
                    .isEqualTo(response.responseMetadata().requestId() + " hello from the handler");
            assertThat(logs.await(e -> e.getMessage().getFormattedMessage().contains("bytes too"), Duration.ofSeconds(5)))
                    .isNotNull();
            assertThat(logs.events()).hasSize(3).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
        }
    }

    @Test
    void unitCutStartsAfterAnyContinuationBytes() {
        // é is 2 bytes (C3 A9); 4,097 bytes in all, so the cut falls after the first byte
        assertThat(LogTail.lastBytes("x" + "é".repeat(2048))).hasSize(4096).startsWith(0xC3, 0xA9);
        assertThat(LogTail.lastBytes("é".repeat(2048) + "x")).hasSize(4095).startsWith(0xC3, 0xA9);
        assertThat(new String(LogTail.lastBytes("short"), StandardCharsets.UTF_8)).isEqualTo("short");
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
