package dev.lambdainvoke.camel.internal.mapping;

import java.io.IOException;
import java.io.InputStream;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** The one JSON reader/writer of the component: JSON text to plain Java values and back. Thread-safe. */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = createMapper();

    private JsonCodec() {
    }

    private static ObjectMapper createMapper() {
        SimpleModule jsonataValues = new SimpleModule("jsonata-values");
        // JSONata computes in doubles: write 20.0 as 20, as JSONata itself does
        jsonataValues.addSerializer(Double.class, new IntegralDoubleSerializer());
        // JSONata's marker for an explicit JSON null
        @SuppressWarnings("unchecked")
        Class<Object> nullMarker = (Class<Object>) Jsonata.NULL_VALUE.getClass();
        jsonataValues.addSerializer(nullMarker, new NullMarkerSerializer());
        return JsonMapper.builder()
                .addModule(jsonataValues)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // the same doubles as the JDK's parser, in a fraction of the time: prices and amounts are everywhere
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    /** Parses JSON text into Map / List / String / Number / Boolean / null. */
    public static Object read(byte[] json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    public static Object read(InputStream json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    /** Turns any Java value (Map, List, POJO, ...) into the plain values JSON text would parse to. */
    public static Object toPlainValues(Object value) {
        return MAPPER.convertValue(value, Object.class);
    }

    public static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    private static final class IntegralDoubleSerializer extends JsonSerializer<Double> {
        private static final double EXACT_LONG_LIMIT = 9.007199254740992E15; // 2^53

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double d = value;
            if (d == Math.rint(d) && Math.abs(d) < EXACT_LONG_LIMIT && !(d == 0 && 1 / d < 0)) {
                gen.writeNumber((long) d);
            } else {
                gen.writeNumber(d);
            }
        }
    }

    private static final class NullMarkerSerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNull();
        }
    }
}
