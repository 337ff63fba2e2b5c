package dev.lambdainvoke.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One message of the AWS event-stream encoding ({@code application/vnd.amazon.eventstream}), as Lambda sends the events
 * of {@code InvokeWithResponseStream}: a prelude (total length, headers length, the prelude's CRC32), the headers, the
 * payload and the CRC32 of everything before it. Written here so that LocalLambda needs no AWS library at run time.
 */
final class EventStreamFrame {

    /** Bytes around the headers and payload: the 12-byte prelude and the 4-byte message CRC. */
    private static final int OVERHEAD = 16;
    /** The header value type of a string. */
    private static final byte STRING = 7;

    private EventStreamFrame() {
    }

    /** A {@code PayloadChunk} event carrying {@code length} bytes of {@code bytes} from {@code offset}. */
    static byte[] payloadChunk(byte[] bytes, int offset, int length) {
        return event("PayloadChunk", "application/octet-stream", bytes, offset, length);
    }

    /** The final {@code InvokeComplete} event, whose payload is the JSON of its fields. */
    static byte[] invokeComplete(byte[] json) {
        return event("InvokeComplete", "application/json", json, 0, json.length);
    }

    static byte[] event(String eventType, String contentType, byte[] payload, int offset, int length) {
        byte[] headers = headers(":event-type", eventType, ":content-type", contentType, ":message-type", "event");
        int total = OVERHEAD + headers.length + length;
        ByteBuffer frame = ByteBuffer.allocate(total); // big-endian, as the encoding wants
        frame.putInt(total).putInt(headers.length);
        frame.putInt((int) crc(frame.array(), 0, 8));
        frame.put(headers).put(payload, offset, length);
        frame.putInt((int) crc(frame.array(), 0, total - 4));
        return frame.array();
    }

    /** Name/value pairs as string headers: name length (1 byte), name, type 7, value length (2 bytes), value. */
    private static byte[] headers(String... namesAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            byte[] name = namesAndValues[i].getBytes(StandardCharsets.UTF_8);
            byte[] value = namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8);
            out.write(name.length);
            out.writeBytes(name);
            out.write(STRING);
            out.write(value.length >>> 8);
            out.write(value.length & 0xFF);
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
