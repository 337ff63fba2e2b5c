package dev.lambdainvoke.examples.quarkus;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The pricing function the tests host on LocalLambda: totals an order's lines, and throws for a line with a quantity
 * below 1, which Lambda reports as an Unhandled function error.
 */
public class OrderPricer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
        context.getLogger().log("pricing order " + order.get("orderId"));
        double total = 0;
        for (Object item : (List<?>) order.get("lines")) {
            Map<?, ?> line = (Map<?, ?>) item;
            if (((Number) line.get("quantity")).intValue() < 1) {
                throw new IllegalArgumentException("quantity must be at least 1 for sku " + line.get("sku"));
            }
            total += ((Number) line.get("amount")).doubleValue();
        }
        return Map.of("orderId", order.get("orderId"), "total", total, "currency", "EUR");
    }
}
