package dev.lambdainvoke.local;

import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;

/** A user's handler, whatever its kind, seen as Lambda sees it: payload bytes in, response payload bytes out. */
interface HandlerAdapter {

    /**
     * Runs the handler once.
     *
     * @param payload the request body; empty when the caller sent none
     * @throws Exception whatever the handler threw: the invocation's function error
     */
    byte[] handle(byte[] payload, Context context) throws Exception;

    /**
     * Runs the handler once for a streamed invocation, its response written to {@code out}. A handler that returns a
     * value has it written whole (one chunk, as Lambda streams a buffered function's result).
     */
    default void stream(byte[] payload, OutputStream out, Context context) throws Exception {
        out.write(handle(payload, context));
    }
}
