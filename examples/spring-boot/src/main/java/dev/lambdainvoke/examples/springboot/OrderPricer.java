package dev.lambdainvoke.examples.springboot;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The function: totals an order's lines ({@code quantity} × {@code price}). An ordinary Java 17 Lambda handler,
 * deployable to AWS Lambda as is; here LocalLambda hosts it.
 */
public class OrderPricer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
        double total = 0;
        for (Object item : (List<?>) order.get("lines")) {
            Map<?, ?> line = (Map<?, ?>) item;
            total += ((Number) line.get("quantity")).intValue() * ((Number) line.get("price")).doubleValue();
        }
        context.getLogger().log("order " + order.get("orderId") + " total " + total);
        return Map.of("orderId", order.get("orderId"), "total", total);
    }
}
