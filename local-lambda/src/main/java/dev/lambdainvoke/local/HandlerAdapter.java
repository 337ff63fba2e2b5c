package dev.lambdainvoke.local;

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
}
