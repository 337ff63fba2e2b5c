package dev.lambdainvoke.local;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The two JSON views Lambda has of a payload: the service's strict check of the request body, and the Java runtime's
 * lenient (de)serialization of handler inputs and results.
 */
final class LambdaJson {

    private static final JsonFactory STRICT = new JsonFactory();

    /**
     * Configured the way the Java runtime's serializer behaves where users notice it: unknown properties are ignored, null
     * properties are left out of results, a single value is accepted for a list, beans without properties are written.
     * (The runtime's lenient parsing features are left out: the strict check of the body comes first.)
     */
    static final ObjectMapper RUNTIME = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                    DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                    DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                    DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** For the host's own answers (error bodies): plain JSON, nothing left out. */
    static final ObjectMapper PLAIN = new ObjectMapper();

    private LambdaJson() {
    }

    /** True for an empty or whitespace-only body, which Lambda hands to the function as null. */
    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that a body is one JSON value without building it in memory (bodies reach 6 MB).
     *
     * @return null when it is, else the parser's complaint with its position (never the body's text)
     */
    static String whyNotJson(byte[] body) {
        try (JsonParser parser = STRICT.createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            parser.skipChildren();
            JsonToken trailing = parser.nextToken();
            return trailing == null ? null : "Unexpected content after the JSON value" + where(parser.currentLocation());
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage() + where(e.getLocation());
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
