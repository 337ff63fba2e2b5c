package dev.lambdainvoke.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.eventstream.Message;
import software.amazon.eventstream.MessageDecoder;

import static dev.lambdainvoke.local.SdkClients.decodeBase64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InvokeWithResponseStream: LocalLambda's event stream, read by the real SDK and by its event-stream decoder. */
class LocalLambdaStreamingTest {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final CountDownLatch LATE_WRITE_REFUSED = new CountDownLatch(1);

    private static LocalLambda local;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() {
        RequestStreamHandler writesInParts = (in, out, context) -> {
            String name = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            out.write("hello ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write(name.getBytes(StandardCharsets.UTF_8));
            context.getLogger().log("streamed to " + name);
        };
        RequestStreamHandler waitsAfterFirstPart = (in, out, context) -> {
            out.write("first".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("-then-last".getBytes(StandardCharsets.UTF_8));
        };
        RequestStreamHandler failsMidway = (in, out, context) -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IllegalStateException("broke midway");
        };
        RequestStreamHandler writesMuch = (in, out, context) -> {
            byte[] block = new byte[100_000];
            for (int i = 0; i < 10; i++) {
                java.util.Arrays.fill(block, (byte) ('a' + i));
                out.write(block);
            }
        };
        RequestStreamHandler outlivesItsTimeout = (in, out, context) -> {
            out.write("before".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                NEVER.await();
            } catch (InterruptedException stopped) {
                // the timeout interrupts it; a handler that ignores that and writes on must not reach the caller
                try {
                    out.write("after the end".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (java.io.IOException refused) {
                    LATE_WRITE_REFUSED.countDown();
                }
            }
        };
        local = LocalLambda.builder()
                .function(LocalFunction.named("slow").handler(outlivesItsTimeout).timeout(java.time.Duration.ofSeconds(1)))
                .function("parts", writesInParts)
                .function("waits", waitsAfterFirstPart)
                .function("fails", failsMidway)
                .function("much", writesMuch)
                .function("tenant", (RequestStreamHandler) (in, out, context) ->
                        out.write(String.valueOf(LocalLambda.tenantId(context)).getBytes(StandardCharsets.UTF_8)))
                .function(LocalFunction.named("json")
                        .handler((RequestHandler<Map<String, Object>, Object>) (in, context) -> Map.of("got", in.get("n")))
                        .version("1", (RequestHandler<Object, String>) (in, context) -> "version one"))
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        lambda.close();
        local.close();
    }

    @Test
    void framesDecodeWithTheSdksEventStreamDecoder() {
        byte[] payload = "some bytes".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = EventStreamFrame.payloadChunk(payload, 0, payload.length);
        byte[] complete = EventStreamFrame.invokeComplete("{\"ErrorCode\":\"Unhandled\"}".getBytes(StandardCharsets.UTF_8));
        List<Message> decoded = new CopyOnWriteArrayList<>();
        MessageDecoder decoder = new MessageDecoder(decoded::add);

        decoder.feed(chunk);
        decoder.feed(complete);

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).getHeaders()).hasSize(3);
        assertThat(decoded.get(0).getHeaders().get(":event-type").getString()).isEqualTo("PayloadChunk");
        assertThat(decoded.get(0).getHeaders().get(":content-type").getString()).isEqualTo("application/octet-stream");
        assertThat(decoded.get(0).getHeaders().get(":message-type").getString()).isEqualTo("event");
        assertThat(decoded.get(0).getPayload()).isEqualTo(payload);
        assertThat(decoded.get(1).getHeaders().get(":event-type").getString()).isEqualTo("InvokeComplete");
        assertThat(new String(decoded.get(1).getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"ErrorCode\":\"Unhandled\"}");
        // and the encoding is byte for byte the SDK's own
        assertThat(chunk).isEqualTo(sdkEncoded(decoded.get(0)));
    }

    @Test
    void aCorruptedFrameFailsTheDecodersChecksum() {
        byte[] frame = EventStreamFrame.payloadChunk(new byte[] {1, 2, 3}, 0, 3);
        frame[frame.length - 6] ^= 1;

        assertThatThrownBy(() -> new MessageDecoder(m -> { }).feed(frame)).hasMessageContaining("checksum failure");
    }

    @Test
    void aStreamHandlersWritesArriveAsPayloadChunksThenTheFinalEvent() {
        Streamed streamed = stream(r -> r.functionName("parts").payload(SdkBytes.fromUtf8String("\"world\"")));

        assertThat(streamed.response.statusCode()).isEqualTo(200);
        assertThat(streamed.response.executedVersion()).isEqualTo("$LATEST");
        assertThat(streamed.chunks).containsExactly("hello ", "\"world\"");
        assertThat(streamed.complete.errorCode()).isNull();
        assertThat(streamed.complete.logResult()).isNull();
    }

    @Test
    void whatTheHandlerFlushedArrivesWhileItIsStillRunning() throws Exception {
        List<String> chunks = new CopyOnWriteArrayList<>();
        CountDownLatch firstChunk = new CountDownLatch(1);
        CompletableFuture<Void> done = lambda.invokeWithResponseStream(r -> r.functionName("waits"),
                InvokeWithResponseStreamResponseHandler.builder()
                        .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder().onPayloadChunk(c -> {
                            chunks.add(c.payload().asUtf8String());
                            firstChunk.countDown();
                        }).build()).build());

        assertThat(firstChunk.await(10, TimeUnit.SECONDS)).as("the first chunk before the handler returned").isTrue();
        assertThat(done).isNotDone();
        RELEASE.countDown();
        done.get(10, TimeUnit.SECONDS);
        assertThat(chunks).containsExactly("first", "-then-last");
    }

    @Test
    void aLargeResponseComesInBoundedChunksInOrder() {
        Streamed streamed = stream(r -> r.functionName("much"));

        assertThat(streamed.chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(PayloadChunkStream.CHUNK_BYTES));
        String all = String.join("", streamed.chunks);
        assertThat(all).hasSize(1_000_000).startsWith("aaa").endsWith("jjj");
    }

    @Test
    void aThrownErrorEndsTheStreamWithErrorCodeAndDetailsAfterWhatWasWritten() {
        Streamed streamed = stream(r -> r.functionName("fails"));

        assertThat(streamed.chunks).containsExactly("partial");
        assertThat(streamed.complete.errorCode()).isEqualTo("Unhandled");
        assertThat(streamed.complete.errorDetails()).contains("\"errorMessage\":\"broke midway\"")
                .contains("\"errorType\":\"java.lang.IllegalStateException\"");
    }

    @Test
    void aTimeoutEndsTheStreamWithSandboxTimedoutAndRefusesTheHandlersLaterWrites() throws Exception {
        Streamed streamed = stream(r -> r.functionName("slow"));

        assertThat(streamed.chunks).containsExactly("before");
        assertThat(streamed.complete.errorCode()).isEqualTo("Unhandled");
        assertThat(streamed.complete.errorDetails()).contains("Sandbox.Timedout").contains("Task timed out after 1.00 seconds");
        assertThat(LATE_WRITE_REFUSED.await(10, TimeUnit.SECONDS)).as("a write after the final event fails").isTrue();
    }

    @Test
    void logTypeTailPutsTheLogTailInTheFinalEvent() {
        Streamed streamed = stream(r -> r.functionName("parts").logType("Tail").payload(SdkBytes.fromUtf8String("\"you\"")));

        assertThat(decodeBase64(streamed.complete.logResult())).startsWith("START RequestId: ")
                .contains("streamed to \"you\"").contains("REPORT RequestId: ");
    }

    @Test
    void aRequestHandlersJsonResultIsOneChunkAndTheQualifierPicksTheVersion() {
        Streamed latest = stream(r -> r.functionName("json").payload(SdkBytes.fromUtf8String("{\"n\":7}")));
        Streamed versionOne = stream(r -> r.functionName("json").qualifier("1").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(latest.chunks).containsExactly("{\"got\":7}");
        assertThat(versionOne.chunks).containsExactly("\"version one\"");
        assertThat(versionOne.response.executedVersion()).isEqualTo("1");
    }

    @Test
    void theHandlerSeesTheTenantIdOfAStreamedCall() {
        Streamed streamed = stream(r -> r.functionName("tenant").tenantId("acme:eu/1"));

        assertThat(streamed.chunks).containsExactly("acme:eu/1");
    }

    @Test
    void dryRunAnswers204WithoutRunningTheHandler() {
        int before = local.invocations("parts");
        Streamed streamed = stream(r -> r.functionName("parts").invocationType("DryRun"));

        assertThat(streamed.response.statusCode()).isEqualTo(204);
        assertThat(streamed.chunks).isEmpty();
        assertThat(local.invocations("parts")).isEqualTo(before);
    }

    @Test
    void anUnknownFunctionIsResourceNotFound() {
        assertThatThrownBy(() -> stream(r -> r.functionName("nobody"))).hasRootCauseInstanceOf(ResourceNotFoundException.class);
    }

    /** What the SDK's visitor saw of one streamed invocation. */
    private record Streamed(InvokeWithResponseStreamResponse response, List<String> chunks,
                            InvokeWithResponseStreamCompleteEvent complete) {
    }

    private static Streamed stream(Consumer<InvokeWithResponseStreamRequest.Builder> request) {
        List<String> chunks = new CopyOnWriteArrayList<>();
        CompletableFuture<InvokeWithResponseStreamResponse> response = new CompletableFuture<>();
        CompletableFuture<InvokeWithResponseStreamCompleteEvent> complete = new CompletableFuture<>();
        try {
            lambda.invokeWithResponseStream(request, InvokeWithResponseStreamResponseHandler.builder()
                    .onResponse(response::complete)
                    .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                            .onPayloadChunk(c -> chunks.add(c.payload().asUtf8String()))
                            .onInvokeComplete(complete::complete).build())
                    .build()).get(30, TimeUnit.SECONDS);
            return new Streamed(response.getNow(null), chunks, complete.getNow(null));
        } catch (Exception e) {
            throw new AssertionError("streamed invocation failed: " + e, e);
        }
    }

    private static byte[] sdkEncoded(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.encode(out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
