package dev.lambdainvoke.camel.internal.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * The bytes of a one-shot stream body (a plain {@link InputStream}, not a {@link StreamCache}), read once per exchange
 * and kept: the message's body becomes this re-readable stream over them, so Event/DryRun leave a readable body, and the
 * exchange keeps it too, because Camel's redelivery puts the original (now exhausted) stream back on the message before
 * each attempt. Payload and body share the one array.
 */
final class KeptStreamBody extends ByteArrayInputStream implements StreamCache {

    /** Internal exchange property: the kept body of the stream last read on this exchange. */
    static final String PROPERTY = "LambdaInvokeKeptStreamBody";

    /** The stream these bytes were read from, to recognise it when a redelivery puts it back. */
    private final InputStream source;

    private KeptStreamBody(InputStream source, byte[] bytes) {
        super(bytes);
        this.source = source;
    }

    /**
     * The payload bytes of a stream body: this class's own array, the kept bytes of a stream already read on this
     * exchange, or the stream read now and kept. The message's body is left as a re-readable stream at its start.
     */
    static byte[] bytes(InputStream body, Exchange exchange) throws IOException {
        if (body instanceof KeptStreamBody kept) {
            return kept.buf;
        }
        KeptStreamBody kept = exchange.getProperty(PROPERTY, KeptStreamBody.class);
        if (kept == null || kept.source != body) {
            kept = new KeptStreamBody(body, body.readAllBytes());
            exchange.setProperty(PROPERTY, kept);
        }
        kept.reset();
        exchange.getMessage().setBody(kept);
        return kept.buf;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        os.write(buf, pos, count - pos);
    }

    @Override
    public StreamCache copy(Exchange exchange) {
        return new KeptStreamBody(source, buf);
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public long length() {
        return count;
    }

    @Override
    public long position() {
        return pos;
    }

    /** Never the bytes: they are a payload. */
    @Override
    public String toString() {
        return "KeptStreamBody[" + count + " bytes]";
    }
}
