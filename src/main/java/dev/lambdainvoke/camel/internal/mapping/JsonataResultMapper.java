package dev.lambdainvoke.camel.internal.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdainvoke.camel.LambdaMappingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code resultJsonata} option: a JSONata expression, compiled once, over a successful RequestResponse result parsed
 * as JSON, with {@code $original} (the body before the call), {@code $request} (the payload sent) and {@code $headers}
 * (the message headers, result headers included); its value, written as JSON text, becomes the body.
 * <p>
 * Memory: what {@code $original} and {@code $request} read is noted when the gate admits the call ({@link #admitted}),
 * as references to the body and the payload the call holds anyway, and only when the expression names them; they are
 * parsed only once the answer is there. An exchange waiting for a place holds nothing more than without the option, and
 * a one-shot stream body is read from the bytes the request kept of it ({@link KeptStreamBody}).
 */
public final class JsonataResultMapper {

    /** Internal exchange property: what the call admitted last on this exchange left for the result mapping. */
    static final String PROPERTY = "LambdaInvokeResultMappingInputs";
    private static final String OPTION = "resultJsonata";

    private final Jsonata expression;
    private final boolean readsOriginal;
    private final boolean readsRequest;

    private JsonataResultMapper(Jsonata expression, String text) {
        this.expression = expression;
        // $eval reads variables by a name built at run time: then either may be read
        boolean evaluates = text.contains("$eval");
        this.readsOriginal = evaluates || text.contains("$original");
        this.readsRequest = evaluates || text.contains("$request");
        // the input is parsed from JSON text: it holds JSON values only, so the library's walk over it can be skipped
        expression.setValidateInput(false);
        // JSONata's null marker is left for JsonCodec to write as null, as for the request mapping
        expression.setOutputConvertNulls(false);
    }

    /** Compiles the expression; a broken one fails naming option 'resultJsonata', with JSONata's message and position. */
    public static JsonataResultMapper compile(String text) {
        return new JsonataResultMapper(JsonataPayloadMapper.parse(OPTION, text), text);
    }

    /**
     * The call is admitted with {@code payload}: notes, for this exchange's answer, the body as it is now (after the
     * request mapping, which replaces a one-shot stream by its kept bytes) and the payload, as far as the expression
     * reads them. Called again by each redelivery, which sends the same body.
     */
    public void admitted(Exchange exchange, byte[] payload) {
        if (readsOriginal || readsRequest) {
            exchange.setProperty(PROPERTY, new CallInputs(readsOriginal ? exchange.getMessage().getBody() : null,
                    readsRequest ? payload : null));
        } else {
            forget(exchange);
        }
    }

    /** Drops what {@link #admitted} noted: the call has ended without a result to map, or a new one starts. */
    public static void forget(Exchange exchange) {
        exchange.removeProperty(PROPERTY);
    }

    /** What {@link #admitted} noted for this exchange's call, or null; dropped from the exchange. */
    public static CallInputs take(Exchange exchange) {
        CallInputs inputs = exchange.getProperty(PROPERTY, CallInputs.class);
        forget(exchange);
        return inputs;
    }

    /**
     * The result mapped, as JSON text.
     *
     * @param admitted what {@link #admitted} noted for this call ({@link #take}); null when the expression reads neither
     *
     * @throws LambdaMappingException the result is not JSON, the expression failed or produced nothing
     */
    public String map(byte[] result, CallInputs admitted, Exchange exchange, String function)
            throws LambdaMappingException {
        Object input = parseResult(result, exchange, function);
        Message message = exchange.getMessage();
        Object mapped;
        try {
            Jsonata.Frame frame = expression.createFrame();
            frame.bind("headers", message.getHeaders());
            if (admitted != null && readsOriginal) {
                frame.bind("original", parsedOrText(admitted.body(), exchange, function));
            }
            if (admitted != null && readsRequest) {
                frame.bind("request", parsedOrText(admitted.payload(), exchange, function));
            }
            EvaluationClock.bind(frame);
            mapped = expression.evaluate(input, frame);
        } catch (RuntimeException e) {
            throw JsonataPayloadMapper.evaluationFailed("Option 'resultJsonata': JSONata evaluation failed", e,
                    exchange, function);
        }
        if (mapped == null) {
            throw new LambdaMappingException("Option 'resultJsonata' produced nothing (undefined) for this result",
                    exchange, null, function, null);
        }
        try {
            return new String(JsonCodec.write(mapped), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new LambdaMappingException("Option 'resultJsonata': its value cannot be written as JSON: "
                                             + e.getOriginalMessage(), exchange, e, function, null);
        }
    }

    private static Object parseResult(byte[] result, Exchange exchange, String function) throws LambdaMappingException {
        try {
            return JsonCodec.read(result);
        } catch (JsonProcessingException e) {
            // where, never what: the parser's message quotes the function's output
            throw new LambdaMappingException("The function's result is not JSON" + where(e.getLocation())
                                             + "; option 'resultJsonata' needs a JSON result", exchange, null, function,
                    null);
        } catch (IOException e) {
            throw new LambdaMappingException("The function's result cannot be read: " + e.getClass().getSimpleName(),
                    exchange, e, function, null);
        }
    }

    /**
     * A body or payload as the expression sees it: Maps, Lists and POJOs as their JSON values; text, bytes and streams
     * parsed when they hold JSON, else as their text.
     */
    private static Object parsedOrText(Object value, Exchange exchange, String function) throws LambdaMappingException {
        if (value == null) {
            return null;
        }
        try {
            if (!BodyKinds.isRaw(value)) {
                return JsonCodec.toPlainValues(value);
            }
            byte[] bytes = value instanceof KeptStreamBody kept
                    ? KeptStreamBody.bytes(kept, exchange) // its own array, wherever the stream stands
                    : BodyKinds.rawBytes(value, exchange);
            try {
                return JsonCodec.read(bytes);
            } catch (JsonProcessingException notJson) {
                return value instanceof CharSequence ? value.toString() : new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (Exception e) {
            throw BodyFailures.of(value, e, exchange, function);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** References, not copies: the body the message holds and the payload the request holds. */
    public record CallInputs(Object body, byte[] payload) {
    }
}
