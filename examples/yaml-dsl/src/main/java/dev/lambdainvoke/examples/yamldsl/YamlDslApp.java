package dev.lambdainvoke.examples.yamldsl;

import java.net.URI;
import java.util.Map;

import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.main.Main;

/**
 * Starts a LocalLambda with two functions, then Camel Main with the route in {@code routes/orders.yaml}, which runs
 * once: {@code order-pricer} (alias {@code prod}) prices an order; {@code loyalty-points} has a reserved concurrency of 0,
 * so Lambda throttles every call to it, and the route's onException redelivers, then gives up.
 */
public final class YamlDslApp {

    private YamlDslApp() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalLambda lambda = startLocalLambda()) {
            Main main = new Main();
            configure(main, lambda.endpoint());
            // the timer sends one order; stop once it has been through the route
            main.configure().withDurationMaxMessages(1);
            main.run();
        }
    }

    /** The two functions the route calls, on 127.0.0.1 (the example's test hosts the same ones). */
    static LocalLambda startLocalLambda() {
        return LocalLambda.builder()
                .function(LocalFunction.named("order-pricer").handler(new OrderPricer())
                        .version("1", new OrderPricer()).alias("prod", "1"))
                .function(LocalFunction.named("loyalty-points").handler(Map.class, order -> Map.of("points", 10))
                        .reservedConcurrency(0))
                .start();
    }

    /** Points the component at the Lambda endpoint and loads the YAML routes. */
    static void configure(Main main, URI lambdaEndpoint) {
        main.addInitialProperty("camel.component.lambda-invoke.endpointOverride", lambdaEndpoint.toString());
        // LocalLambda checks no signature, but the SDK signs every call: any keys do
        main.addInitialProperty("camel.component.lambda-invoke.accessKey", "local");
        main.addInitialProperty("camel.component.lambda-invoke.secretKey", "local");
        main.configure().withRoutesIncludePattern("classpath:routes/orders.yaml");
    }
}
