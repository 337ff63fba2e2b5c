package dev.lambdainvoke.local;

import java.io.IOException;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JavaType;

/**
 * A handler that takes a Java value and returns one ({@code RequestHandler}, {@code Function}): the payload is read into
 * its input type and the result written as JSON, with the Java runtime's rules (a null result is {@code null}).
 */
final class JsonHandlerAdapter implements HandlerAdapter {

    /** The handler's method, with the input already read. */
    @FunctionalInterface
    interface Call {
        Object apply(Object input, Context context) throws Exception;
    }

    private final JavaType inputType;
    private final Call call;

    JsonHandlerAdapter(JavaType inputType, Call call) {
        this.inputType = inputType;
        this.call = call;
    }

    @Override
    public byte[] handle(byte[] payload, Context context) throws Exception {
        Object result = call.apply(read(payload), context);
        return LambdaJson.RUNTIME.writeValueAsBytes(result);
    }

    private Object read(byte[] payload) {
        if (LambdaJson.isBlank(payload)) {
            return null;
        }
        try {
            return LambdaJson.RUNTIME.readValue(payload, inputType);
        } catch (IOException e) {
            // the Java runtime's own error for an input that does not fit the handler's type
            throw new RuntimeException("An error occurred during JSON parsing", e);
        }
    }

    JavaType inputType() {
        return inputType;
    }
}
