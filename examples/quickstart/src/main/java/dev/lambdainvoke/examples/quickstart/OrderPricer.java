package dev.lambdainvoke.examples.quickstart;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The function of the quickstart: totals an order's lines. A line with a quantity below 1 is an error the function
 * reports, as a real function would, by throwing. Deployable to AWS Lambda as is (Java 17 runtime).
 */
public class OrderPricer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
        context.getLogger().log("pricing order " + order.get("orderId") + " for tenant " + order.get("tenant"));
        double total = 0;
        for (Object item : (List<?>) order.get("lines")) {
            Map<?, ?> line = (Map<?, ?>) item;
            if (((Number) line.get("quantity")).intValue() < 1) {
                throw new IllegalArgumentException("quantity must be at least 1 for sku " + line.get("sku"));
            }
            total += ((Number) line.get("amount")).doubleValue();
        }
        context.getLogger().log("order " + order.get("orderId") + " total " + total);
        return Map.of("orderId", order.get("orderId"), "total", total, "currency", "EUR");
    }
}
