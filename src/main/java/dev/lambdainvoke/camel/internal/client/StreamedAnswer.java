package dev.lambdainvoke.camel.internal.client;

import java.io.IOException;
import java.nio.ByteBuffer;

import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.ResponseStreamingInvocationType;

/**
 * One {@code InvokeWithResponseStream} call's answer as it arrives: the initial response (status, headers), each payload
 * chunk handed to a {@link ChunkSink} on the SDK's thread, and the final {@code InvokeComplete} event. The SDK's
 * consumer subscription asks for one event at a time, so a slow sink slows the stream down instead of queueing chunks.
 */
public final class StreamedAnswer implements InvokeWithResponseStreamResponseHandler {

    /** Where the payload chunks go, in order. Called on the SDK's thread: must not block for long. */
    @FunctionalInterface
    public interface ChunkSink {
        void write(ByteBuffer chunk) throws IOException;
    }

    private final ChunkSink sink;
    private volatile InvokeWithResponseStreamResponse response;
    private volatile InvokeWithResponseStreamCompleteEvent complete;
    /** A chunk the sink could not take: the SDK then cancels the stream and reports it as ended normally. */
    private volatile IOException sinkFailure;

    StreamedAnswer(ChunkSink sink) {
        this.sink = sink;
    }

    /** The streamed request with everything the plain request carries (target, payload, log type, tenant, attributes). */
    public static InvokeWithResponseStreamRequest requestFor(InvokeRequest request) {
        InvokeWithResponseStreamRequest.Builder streamed = InvokeWithResponseStreamRequest.builder()
                .functionName(request.functionName())
                .invocationType(ResponseStreamingInvocationType.fromValue(request.invocationTypeAsString()))
                .qualifier(request.qualifier())
                .clientContext(request.clientContext())
                .tenantId(request.tenantId())
                .payload(request.payload());
        if (request.logType() != null) {
            streamed.logType(request.logType());
        }
        request.overrideConfiguration().ifPresent(streamed::overrideConfiguration);
        return streamed.build();
    }

    @Override
    public void responseReceived(InvokeWithResponseStreamResponse received) {
        this.response = received;
    }

    @Override
    public void onEventStream(SdkPublisher<InvokeWithResponseStreamResponseEvent> events) {
        events.subscribe(this::onEvent);
    }

    private void onEvent(InvokeWithResponseStreamResponseEvent event) {
        if (sinkFailure != null) {
            return;
        }
        if (event instanceof InvokeResponseStreamUpdate chunk && chunk.payload() != null) {
            try {
                sink.write(chunk.payload().asByteBuffer());
            } catch (IOException e) {
                sinkFailure = e;
                throw new IllegalStateException("the streamed answer could not be kept", e); // cancels the stream
            }
        } else if (event instanceof InvokeWithResponseStreamCompleteEvent last) {
            complete = last;
        }
    }

    @Override
    public void exceptionOccurred(Throwable failure) {
        // the SDK fails the call's future with it
    }

    @Override
    public void complete() {
        // the call's future completes next
    }

    /** The initial response (status, executed version, headers), or null when none arrived. */
    public InvokeWithResponseStreamResponse response() {
        return response;
    }

    /** The final event, or null when the stream ended without it. */
    public InvokeWithResponseStreamCompleteEvent completeEvent() {
        return complete;
    }

    /** Why the sink could not keep a chunk, or null. */
    public IOException sinkFailure() {
        return sinkFailure;
    }
}
