package dev.lambdainvoke.camel.internal.mapping;

import java.nio.charset.StandardCharsets;

import dev.lambdainvoke.camel.LambdaMappingException;
import org.apache.camel.Exchange;

/**
 * No expression: text, bytes, streams and buffers go as they are; Maps, Lists, numbers, booleans and POJOs are written as
 * JSON; a null body sends {@code {}}.
 */
public final class PassThroughPayloadMapper implements PayloadMapper {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    @Override
    public byte[] toPayload(Exchange exchange, String function) throws LambdaMappingException {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return EMPTY_OBJECT;
        }
        try {
            return BodyKinds.isRaw(body) ? BodyKinds.rawBytes(body, exchange) : JsonCodec.write(body);
        } catch (Exception e) {
            throw BodyFailures.of(body, e, exchange, function);
        }
    }
}
