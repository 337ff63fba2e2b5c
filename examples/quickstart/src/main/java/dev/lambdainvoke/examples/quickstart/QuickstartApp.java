package dev.lambdainvoke.examples.quickstart;

import java.net.URI;

import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.main.Main;

/**
 * Runs the quickstart route. By default the function runs on an embedded {@link LocalLambda}; given
 * {@code -Dquickstart.region=...} (and no {@code -Dquickstart.endpoint}) it invokes the real function in that region
 * with the SDK's default credentials.
 */
public final class QuickstartApp {

    private QuickstartApp() {
    }

    public static void main(String[] args) throws Exception {
        String function = System.getProperty("quickstart.function", "order-pricer");
        String region = System.getProperty("quickstart.region");
        String endpoint = System.getProperty("quickstart.endpoint");

        Main main = new Main();
        main.configure().addRoutesBuilder(new QuickstartRoutes(function));
        // the timer sends one batch of orders; stop once it has gone through the route
        main.configure().withDurationMaxMessages(1);
        if (region == null && endpoint == null) {
            try (LocalLambda local = startLocalLambda(function)) {
                useLocalLambda(main, local.endpoint());
                main.run();
            }
            return;
        }
        if (endpoint != null) {
            main.addInitialProperty("camel.component.lambda-invoke.endpointOverride", endpoint);
        }
        if (region != null) {
            main.addInitialProperty("camel.component.lambda-invoke.region", region);
        }
        main.run();
    }

    /** Hosts {@link OrderPricer} under the function's name on 127.0.0.1 (the example's test hosts it the same way). */
    static LocalLambda startLocalLambda(String function) {
        return LocalLambda.builder().function(function, new OrderPricer()).start();
    }

    /** Points the component at a LocalLambda. */
    static void useLocalLambda(Main main, URI lambdaEndpoint) {
        main.addInitialProperty("camel.component.lambda-invoke.endpointOverride", lambdaEndpoint.toString());
        // LocalLambda does not check signatures, but the SDK still signs: any keys do
        main.addInitialProperty("camel.component.lambda-invoke.accessKey", "local");
        main.addInitialProperty("camel.component.lambda-invoke.secretKey", "local");
    }
}
