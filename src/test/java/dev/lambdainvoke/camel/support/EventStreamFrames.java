package dev.lambdainvoke.camel.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Lambda's {@code InvokeWithResponseStream} answer body, encoded with the SDK's own event-stream library: payload chunks
 * and the final {@code InvokeComplete} event, as the SDK decodes them.
 */
public final class EventStreamFrames {

    /** The answer's content type. */
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    /** The path of the streamed invocation of {@code function}. */
    public static String path(String function) {
        return "/2021-11-15/functions/" + function + "/response-streaming-invocations";
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public static EventStreamFrames stream() {
        return new EventStreamFrames();
    }

    public EventStreamFrames chunk(String text) {
        bytes.writeBytes(chunkFrame(text.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The final event; any argument may be null. */
    public EventStreamFrames complete(String errorCode, String errorDetails, String logResultBase64) {
        bytes.writeBytes(completeFrame(errorCode, errorDetails, logResultBase64));
        return this;
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /** One PayloadChunk event carrying {@code payload}. */
    public static byte[] chunkFrame(byte[] payload) {
        return frame("PayloadChunk", "application/octet-stream", payload);
    }

    /** The InvokeComplete event. */
    public static byte[] completeFrame(String errorCode, String errorDetails, String logResultBase64) {
        StringBuilder json = new StringBuilder("{");
        append(json, "ErrorCode", errorCode);
        append(json, "ErrorDetails", errorDetails);
        append(json, "LogResult", logResultBase64);
        json.append('}');
        return frame("InvokeComplete", "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void append(StringBuilder json, String field, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(field).append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }

    private static byte[] frame(String eventType, String contentType, byte[] payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString(contentType));
        var buffer = new Message(headers, payload).toByteBuffer();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
