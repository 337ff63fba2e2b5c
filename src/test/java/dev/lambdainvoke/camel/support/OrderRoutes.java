package dev.lambdainvoke.camel.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.LambdaInvokeEndpoint;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The scenario the DSL tests share: a routes file ({@code src/test/resources/routes/}) sends an order from
 * {@code direct:orders} to {@code order-pricer}, alias {@code prod}, mapped by {@code mapping/order.jsonata}, and
 * redelivers retryable failures twice. On LocalLambda the alias runs version 1 of a Java pricer; WireMock plays faults.
 */
public final class OrderRoutes {

    public static final String FUNCTION = "order-pricer";
    public static final String ORDERS = "direct:orders";
    /** Attempts for a retryable failure: the first and the file's two redeliveries. */
    public static final int ATTEMPTS_WHEN_RETRYABLE = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderRoutes() {
    }

    /** LocalLambda with order-pricer: $LATEST and version 1, alias prod pointing at version 1. */
    public static LocalLambda startLocalLambda() {
        return LocalLambda.builder()
                .function(LocalFunction.named(FUNCTION)
                        .handler(Map.class, order -> priced(order, "$LATEST"))
                        .version("1", Map.class, order -> priced(order, "1"))
                        .alias("prod", "1"))
                .start();
    }

    private static Map<String, Object> priced(Map<?, ?> order, String version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order", order.get("order"));
        answer.put("tenant", order.get("tenant"));
        answer.put("total", 42);
        answer.put("pricedBy", version);
        return answer;
    }

    /** Loads a routes file from the test classpath into a started context; its routes start at once. */
    public static void load(CamelContext context, String classpathFile) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + classpathFile));
    }

    /** Sends order A-1 of tenant acme and waits for the exchange to end. */
    public static Exchange sendOrder(CamelHarness camel) {
        return camel.send(ORDERS, "{\"id\": \"A-1\", \"lines\": 3}", Map.of("tenant", "acme"));
    }

    /** What version 1 answers for order A-1 of tenant acme, mapped by order.jsonata. */
    public static JsonNode expectedAnswer() {
        return JSON.createObjectNode().put("order", "A-1").put("tenant", "acme").put("total", 42).put("pricedBy", "1");
    }

    public static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** The one lambda-invoke endpoint the loaded routes created. */
    public static LambdaInvokeEndpoint lambdaEndpoint(CamelContext context) {
        return context.getEndpoints().stream().filter(LambdaInvokeEndpoint.class::isInstance)
                .map(LambdaInvokeEndpoint.class::cast).reduce((a, b) -> {
                    throw new AssertionError("more than one lambda-invoke endpoint: " + a + ", " + b);
                }).orElseThrow(() -> new AssertionError("no lambda-invoke endpoint"));
    }
}
