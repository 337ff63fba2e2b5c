package dev.lambdainvoke.camel.internal.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/** Reads bodies that already are payload bytes: text, bytes, streams, buffers and Camel files. */
final class BodyKinds {

    private BodyKinds() {
    }

    /** True for bodies whose bytes are the payload (as opposed to values to be written as JSON). */
    static boolean isRaw(Object body) {
        return body instanceof byte[] || body instanceof CharSequence || body instanceof InputStream
                || body instanceof ByteBuffer || body instanceof WrappedFile || body instanceof StreamCache;
    }

    /**
     * The bytes of a body for which {@link #isRaw} holds; text as UTF-8. A stream cache is reset for redelivery; a
     * one-shot stream is replaced on the message by a re-readable body over the same bytes ({@link KeptStreamBody}).
     */
    static byte[] rawBytes(Object body, Exchange exchange) throws IOException, NoTypeConversionAvailableException {
        if (body instanceof byte[]) {
            return (byte[]) body;
        }
        if (body instanceof CharSequence) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) body).duplicate(); // leave the caller's position alone
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        if (body instanceof InputStream && !(body instanceof StreamCache)) {
            return KeptStreamBody.bytes((InputStream) body, exchange); // one-shot: read once per exchange, then kept
        }
        if (body instanceof InputStream) {
            try {
                return ((InputStream) body).readAllBytes();
            } finally {
                if (body instanceof StreamCache) {
                    ((StreamCache) body).reset();
                }
            }
        }
        // files and other stream caches: Camel's converters know how to read them
        return exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
    }
}
