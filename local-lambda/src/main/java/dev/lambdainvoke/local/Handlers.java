package dev.lambdainvoke.local;

import java.util.Objects;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;

/** Turns the handlers users register into {@link HandlerAdapter}s, and refuses, at registration, what cannot run. */
final class Handlers {

    private Handlers() {
    }

    /**
     * A {@link RequestStreamHandler}, a {@link RequestHandler} or a {@link Function}. Like the Java runtime, a class that
     * is both a stream handler and a request handler runs as a stream handler.
     *
     * @param what names the handler in the message of a refusal, e.g. {@code function 'pricer' version 1}
     */
    static HandlerAdapter adapt(Object handler, String what) {
        if (handler == null) {
            throw new IllegalArgumentException("The handler of " + what + " is null");
        }
        if (handler instanceof RequestStreamHandler) {
            return new StreamHandlerAdapter((RequestStreamHandler) handler);
        }
        if (handler instanceof RequestHandler) {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, ?> requestHandler = (RequestHandler<Object, ?>) handler;
            return new JsonHandlerAdapter(inputType(handler.getClass(), RequestHandler.class),
                    requestHandler::handleRequest);
        }
        if (handler instanceof Function) {
            @SuppressWarnings("unchecked")
            Function<Object, ?> function = (Function<Object, ?>) handler;
            return new JsonHandlerAdapter(inputType(handler.getClass(), Function.class),
                    (input, context) -> function.apply(input));
        }
        throw new IllegalArgumentException("The handler of " + what + " is a " + handler.getClass().getName()
                                           + ", which LocalLambda cannot run: use a com.amazonaws.services.lambda.runtime"
                                           + ".RequestHandler, a RequestStreamHandler or a java.util.function.Function");
    }

    /** A function whose input type is given, for lambdas: their generic types are erased. */
    static <I> HandlerAdapter adapt(Class<I> inputType, Function<? super I, ?> handler, String what) {
        Objects.requireNonNull(inputType, () -> "The input type of " + what + " is null");
        if (handler == null) {
            throw new IllegalArgumentException("The handler of " + what + " is null");
        }
        @SuppressWarnings("unchecked") // the input was read as inputType (a primitive type arrives boxed)
        JsonHandlerAdapter.Call call = (input, context) -> handler.apply((I) input);
        return new JsonHandlerAdapter(LambdaJson.RUNTIME.constructType(inputType), call);
    }

    /**
     * The first type argument the handler's class gives {@code handlerInterface}, found by walking its superclasses and
     * interfaces (Jackson resolves type variables bound on the way, e.g. {@code class Mine extends Base<Order>}). A raw
     * or erased implementation, such as a lambda, gives {@code Object}: the input is then whatever the JSON parses to.
     */
    static JavaType inputType(Class<?> handlerClass, Class<?> handlerInterface) {
        JavaType[] arguments = LambdaJson.RUNTIME.constructType(handlerClass).findTypeParameters(handlerInterface);
        return arguments.length == 0 ? LambdaJson.RUNTIME.constructType(Object.class) : arguments[0];
    }
}
