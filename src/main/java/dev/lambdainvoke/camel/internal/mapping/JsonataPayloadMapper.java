package dev.lambdainvoke.camel.internal.mapping;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdainvoke.camel.LambdaMappingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads the body as JSON, evaluates a JSONata expression compiled once, with {@code $headers} bound to the message
 * headers, and sends the result as JSON.
 */
public final class JsonataPayloadMapper implements PayloadMapper {

    /** JSONata's code for a value $number cannot cast. */
    private static final String CAST_TO_NUMBER = "D3030";

    /** For bodies given as Maps, Lists or POJOs: their converted values may still hold what is not JSON (a byte[]). */
    private final Jsonata checkingInput;
    /**
     * For bodies parsed from JSON text: the parser yields JSON values only, so the library's input check, which walks
     * the whole document on every message, can be skipped.
     */
    private final Jsonata trustingInput;

    private JsonataPayloadMapper(Jsonata checkingInput, Jsonata trustingInput) {
        this.checkingInput = checkingInput;
        this.trustingInput = trustingInput;
        trustingInput.setValidateInput(false);
        // JSONata's null marker is left in the result for JsonCodec to write as null: no second walk over the result,
        // and a result that is JSON null is sent as null instead of being taken for "nothing" (undefined)
        checkingInput.setOutputConvertNulls(false);
        trustingInput.setOutputConvertNulls(false);
    }

    /** Compiles the expression; a broken one fails with JSONata's message and position. */
    public static JsonataPayloadMapper compile(String text) {
        return new JsonataPayloadMapper(parse("jsonata", text), parse("jsonata", text));
    }

    /** Compiles an option's expression; a broken one fails naming the option, with JSONata's message and position. */
    static Jsonata parse(String option, String text) {
        try {
            return Jsonata.jsonata(text);
        } catch (JException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not a valid JSONata expression: "
                                               + e.getMessage() + " (code " + e.getError() + ", position "
                                               + e.getLocation() + ")", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not a valid JSONata expression: "
                                               + e.getMessage(), e);
        }
    }

    @Override
    public byte[] toPayload(Exchange exchange, String function) throws LambdaMappingException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        Object input = JsonInput.read(body, exchange, function);
        Jsonata expression = JsonInput.isParsed(body) ? trustingInput : checkingInput;
        Object result;
        try {
            Jsonata.Frame frame = expression.createFrame();
            frame.bind("headers", message.getHeaders());
            EvaluationClock.bind(frame);
            result = expression.evaluate(input, frame);
        } catch (RuntimeException e) {
            throw evaluationFailed("JSONata evaluation failed", e, exchange, function);
        }
        if (result == null) {
            throw new LambdaMappingException("JSONata expression produced nothing (undefined) for this message",
                    exchange, null, function, null);
        }
        try {
            return JsonCodec.write(result);
        } catch (JsonProcessingException e) {
            throw new LambdaMappingException("JSONata result cannot be written as JSON: " + e.getOriginalMessage(),
                    exchange, e, function, null);
        }
    }

    /** An evaluation's failure, with JSONata's code and message: {@code what} says which expression failed. */
    static LambdaMappingException evaluationFailed(String what, RuntimeException e, Exchange exchange, String function) {
        if (e instanceof JException j) {
            return new LambdaMappingException(what + ": " + j.getError() + " " + j.getMessage() + " (position "
                                              + j.getLocation() + ")", exchange, j, function, j.getError());
        }
        if (e instanceof NumberFormatException) {
            // jsonata-java (0.9.10) lets $number's NumberFormatException escape where JSONata raises D3030
            return new LambdaMappingException(what + ": " + CAST_TO_NUMBER + " Unable to cast value to a number ("
                                              + e.getMessage() + ")", exchange, e, function, CAST_TO_NUMBER);
        }
        return new LambdaMappingException(what + ": " + e, exchange, e, function, null);
    }
}
