package dev.lambdainvoke.camel.internal.mapping;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code jsonata}, a byte[] body is the payload itself: the producer's path (pass-through mapper, then
 * {@link Invocation#toRequest}) hands the very array to the SDK, with no copy on the way.
 */
class PassThroughNoCopyTest {

    private static final Invocation INVOCATION =
            new Invocation("orders", null, InvocationType.REQUEST_RESPONSE, LogType.NONE, null);

    @Test
    void byteArrayBodyReachesTheRequestWithoutACopy() throws Exception {
        byte[] body = "{\"orderId\":\"A-1\",\"total\":42}".getBytes(StandardCharsets.UTF_8);
        try (CamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);

            byte[] payload = new PassThroughPayloadMapper().toPayload(exchange, INVOCATION.function());
            InvokeRequest request = INVOCATION.toRequest(payload);

            assertThat(payload).as("mapper output").isSameAs(body);
            assertThat(request.payload().asByteArrayUnsafe()).as("request payload").isSameAs(body);
        }
    }

    @Test
    void stringBodyIsEncodedOnceAndThatArrayIsSent() throws Exception {
        String body = "{\"note\":\"héllo ✓\"}";
        try (CamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);

            byte[] payload = new PassThroughPayloadMapper().toPayload(exchange, INVOCATION.function());
            InvokeRequest request = INVOCATION.toRequest(payload);

            assertThat(payload).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(request.payload().asByteArrayUnsafe()).as("the encoded array, not a copy of it").isSameAs(payload);
        }
    }
    @Test
    void aOneShotStreamIsReadOnceAndEveryAttemptSendsThatArray() throws Exception {
        byte[] bytes = "{\"orderId\":\"A-1\"}".getBytes(StandardCharsets.UTF_8);
        InputStream oneShot = new FilterInputStream(new ByteArrayInputStream(bytes)) {
        };
        try (CamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(oneShot);

            byte[] first = new PassThroughPayloadMapper().toPayload(exchange, INVOCATION.function());
            Object bodyAfter = exchange.getMessage().getBody();
            exchange.getMessage().setBody(oneShot); // as Camel's redelivery restores the message it started with
            byte[] again = new PassThroughPayloadMapper().toPayload(exchange, INVOCATION.function());

            assertThat(first).isEqualTo(bytes);
            assertThat(again).as("the kept array, not a second read or copy").isSameAs(first);
            assertThat(bodyAfter).isInstanceOf(StreamCache.class);
            assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(bytes);
        }
    }
}
