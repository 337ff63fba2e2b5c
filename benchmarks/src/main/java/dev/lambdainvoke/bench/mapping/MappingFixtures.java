package dev.lambdainvoke.bench.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import dev.lambdainvoke.camel.internal.mapping.Invocation;

/** The inputs shared by the mapping benchmarks: a 1 KB order document, the JSONata expression, an answer. */
final class MappingFixtures {

    /** Compact JSON, 1021 bytes: an order with a customer, five line items, shipping and payment. */
    static final String ORDER_RESOURCE = "order-1k.json";

    /**
     * Picks and reshapes: a few fields, a nested object, a $sum over the line items, a mapped array, one value from the
     * headers ({@code $headers} is bound by the component on every message).
     */
    static final String EXPRESSION = """
            {
              "orderId": orderId,
              "status": $lowercase(status),
              "customer": customer.{ "id": id, "name": name, "tier": tier, "country": address.country },
              "total": $sum(lines.(qty * unitPrice)) + shipping.cost,
              "itemCount": $sum(lines.qty),
              "items": [lines.{ "sku": sku, "qty": qty, "amount": qty * unitPrice }],
              "tenant": $headers.tenant
            }""";

    static final String TENANT_HEADER = "tenant";
    static final String TENANT = "acme-eu";

    static final Invocation INVOCATION =
            new Invocation("order-processor", null, InvocationType.REQUEST_RESPONSE, LogType.NONE, null);

    private MappingFixtures() {
    }

    static byte[] orderBytes() {
        try (InputStream in = MappingFixtures.class.getResourceAsStream(ORDER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + ORDER_RESOURCE + " not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String orderText() {
        return new String(orderBytes(), StandardCharsets.UTF_8);
    }

    /** What Lambda answers to a RequestResponse call: 200, $LATEST, a request id header, a 1 KB JSON payload. */
    static InvokeResponse okResponse() {
        SdkHttpResponse http = SdkHttpResponse.builder()
                .statusCode(200)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-RequestId", "5f1c1a3e-8d3b-4a52-9a57-0c1e0b6d2f11")
                .putHeader("X-Amz-Executed-Version", "$LATEST")
                .build();
        InvokeResponse.Builder builder = InvokeResponse.builder()
                .statusCode(200)
                .executedVersion("$LATEST")
                .payload(SdkBytes.fromUtf8String(orderText()));
        builder.sdkHttpResponse(http);
        return builder.build();
    }
}
