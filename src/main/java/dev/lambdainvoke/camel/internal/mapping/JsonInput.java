package dev.lambdainvoke.camel.internal.mapping;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdainvoke.camel.LambdaMappingException;
import org.apache.camel.Exchange;

/** The body as a JSON value for an expression: text, bytes and streams are parsed; Maps, Lists and POJOs converted. */
final class JsonInput {

    private JsonInput() {
    }

    static Object read(Object body, Exchange exchange, String function) throws LambdaMappingException {
        if (body == null) {
            return null;
        }
        try {
            if (isParsed(body)) {
                return JsonCodec.read(BodyKinds.rawBytes(body, exchange));
            }
            return JsonCodec.toPlainValues(body);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the offending text: say where, not what, and drop the cause, so that no
            // payload reaches the logs through this exception
            throw new LambdaMappingException("Body is not JSON" + where(e.getLocation()) + "; option 'jsonata' needs a "
                                             + "JSON body", exchange, null, function, null);
        } catch (Exception e) {
            throw BodyFailures.of(body, e, exchange, function);
        }
    }

    /** True when {@link #read} parses this body as JSON text, so that what it returns holds JSON values only. */
    static boolean isParsed(Object body) {
        return body == null || BodyKinds.isRaw(body);
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
