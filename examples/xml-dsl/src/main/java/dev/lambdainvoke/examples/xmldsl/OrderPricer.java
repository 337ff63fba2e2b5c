package dev.lambdainvoke.examples.xmldsl;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The function the route calls: adds up the amounts of an order's lines. */
public class OrderPricer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
        double total = 0;
        for (Object line : (List<?>) order.get("lines")) {
            total += ((Number) ((Map<?, ?>) line).get("amount")).doubleValue();
        }
        return Map.of("orderId", order.get("orderId"), "tenant", order.get("tenant"), "total", total);
    }
}
