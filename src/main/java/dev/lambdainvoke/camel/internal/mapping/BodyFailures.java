package dev.lambdainvoke.camel.internal.mapping;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.lambdainvoke.camel.LambdaMappingException;
import org.apache.camel.Exchange;

/**
 * Why a body could not become a payload: names the body's class and what failed, never the body's content. Failures
 * while reading the body as JSON text have their own, positional message in {@link JsonInput}.
 */
final class BodyFailures {

    private BodyFailures() {
    }

    static LambdaMappingException of(Object body, Throwable failure, Exchange exchange, String function) {
        String type = body.getClass().getName();
        JsonMappingException jackson = find(failure, JsonMappingException.class);
        if (jackson != null) {
            // No cause: Jackson's message repeats that of the getter that threw, which may quote the very values it
            // checked; the property path and the exception's class say where to look.
            return new LambdaMappingException("Cannot write the body (" + type + ") as JSON: " + whatFailed(jackson),
                    exchange, null, function, null);
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new LambdaMappingException("Cannot read the body (" + type + "): " + io.getClass().getSimpleName()
                                              + (io.getMessage() == null ? "" : ": " + io.getMessage()),
                    exchange, io, function, null);
        }
        return new LambdaMappingException("Cannot turn the body (" + type + ") into a payload: "
                                          + failure.getClass().getSimpleName(), exchange, failure, function, null);
    }

    /** Jackson's own complaint (a self-reference, no serializer) in its words; else what the getter threw, by class. */
    private static String whatFailed(JsonMappingException jackson) {
        String at = jackson.getPathReference();
        if (jackson instanceof InvalidDefinitionException || jackson.getCause() == null) {
            return jackson.getOriginalMessage() + (at == null ? "" : " (at " + at + ")");
        }
        Throwable thrown = jackson.getCause();
        while (thrown.getCause() != null && thrown.getCause() != thrown) {
            thrown = thrown.getCause();
        }
        return "reading " + (at == null ? "a property" : at) + " threw " + thrown.getClass().getName();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
