package dev.lambdainvoke.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/** A {@link RequestStreamHandler}: the payload bytes as they came, and whatever it writes is the response, as is. */
final class StreamHandlerAdapter implements HandlerAdapter {

    private final RequestStreamHandler handler;

    StreamHandlerAdapter(RequestStreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public byte[] handle(byte[] payload, Context context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, context);
        return out.toByteArray();
    }

    /** Streamed: what the handler writes goes out as it writes it. */
    @Override
    public void stream(byte[] payload, OutputStream out, Context context) throws Exception {
        handler.handleRequest(new ByteArrayInputStream(payload), out, context);
    }
}
