package dev.lambdainvoke.camel.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A body that can be read once, as a socket's or a request's stream is: a plain {@link InputStream} over bytes that is
 * neither a {@code ByteArrayInputStream} (which Camel's converters could rewind) nor a {@code StreamCache}.
 */
public final class OneShotInputStream extends InputStream {

    private final ByteArrayInputStream bytes;

    public OneShotInputStream(byte[] content) {
        this.bytes = new ByteArrayInputStream(content);
    }

    @Override
    public int read() {
        return bytes.read();
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        return bytes.read(into, offset, length);
    }

    @Override
    public int available() {
        return bytes.available();
    }

    @Override
    public boolean markSupported() {
        return false; // one shot: no rewinding
    }
}
