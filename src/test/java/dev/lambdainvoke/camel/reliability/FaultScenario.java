package dev.lambdainvoke.camel.reliability;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lambdainvoke.camel.support.OneShotInputStream;
import dev.lambdainvoke.camel.support.ScriptedLambda.Answer;

/**
 * One generated try: a route shape, the endpoint's options, the redelivery policy, and a batch of calls, each with its
 * body and the answers Lambda gives to its attempts. Plain data, so a failing one prints as it is.
 */
record FaultScenario(RouteShape shape, int maxConcurrency, boolean jsonata, boolean failOnFunctionError,
                     int maximumRedeliveries, boolean streamCaching, List<Call> calls) {

    /** How the route around the lambda-invoke step handles a failure. */
    enum RouteShape {
        /** {@code from -> to(lambda)}: the failure stays on the exchange. */
        PLAIN,
        /** {@code doTry().to(lambda).doCatch(LambdaInvokeException)}. */
        DO_TRY,
        /** A handled {@code onException} that calls a second lambda-invoke endpoint with its own client and gate. */
        FALLBACK_ENDPOINT,
        /** {@code errorHandler(deadLetterChannel(...))}. */
        DEAD_LETTER,
        /** The calls of a batch go through {@code split().parallelProcessing()}, a few per parent exchange. */
        PARALLEL_SPLIT
    }

    enum BodyKind { STRING, BYTES, ONE_SHOT_STREAM, MAP, NULL }

    /**
     * One exchange's call (one sub-exchange's under {@link RouteShape#PARALLEL_SPLIT}). {@code text} is JSON or not as
     * {@code json} says; a {@link BodyKind#MAP} body is {@code {"text": text}}.
     */
    record Call(BodyKind kind, boolean json, String text, List<Answer> script) {

        /** A fresh body for one exchange: a stream body can only be read once. */
        Object body() {
            return switch (kind) {
                case STRING -> text;
                case BYTES -> bytes();
                case ONE_SHOT_STREAM -> new OneShotInputStream(bytes());
                case MAP -> map();
                case NULL -> null;
            };
        }

        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        Map<String, Object> map() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("text", text);
            return map;
        }

        /** Whether the body is JSON (or a value written as JSON) when read under {@code jsonata}. */
        boolean readsAsJson() {
            return kind == BodyKind.MAP || kind == BodyKind.NULL || json;
        }

        @Override
        public String toString() {
            String body = switch (kind) {
                case MAP -> "Map{text=" + text + "}";
                case NULL -> "null";
                default -> kind + (json ? " json " : " text ") + text;
            };
            return body + " answers=" + script.stream().map(Enum::name).collect(Collectors.joining(",", "[", "]"));
        }
    }

    @Override
    public String toString() {
        return shape + " maxConcurrency=" + maxConcurrency + (jsonata ? " jsonata" : "")
               + (failOnFunctionError ? " failOnFunctionError" : "") + " maximumRedeliveries=" + maximumRedeliveries
               + (streamCaching ? "" : " streamCaching=false") + " calls(" + calls.size() + ")=" + calls;
    }
}
