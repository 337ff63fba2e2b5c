package dev.lambdainvoke.examples.quickstart;

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
        LocalLambda local = null;
        if (region == null && endpoint == null) {
            local = LocalLambda.builder().function(function, new OrderPricer()).start();
            endpoint = local.endpoint().toString();
            // LocalLambda does not check signatures, but the SDK still signs: any keys do
            main.addInitialProperty("camel.component.lambda-invoke.accessKey", "local");
            main.addInitialProperty("camel.component.lambda-invoke.secretKey", "local");
        }
        if (endpoint != null) {
            main.addInitialProperty("camel.component.lambda-invoke.endpointOverride", endpoint);
        }
        if (region != null) {
            main.addInitialProperty("camel.component.lambda-invoke.region", region);
        }
        main.configure().addRoutesBuilder(new QuickstartRoutes(function));
        // the timer sends one batch of orders; stop once it has gone through the route
        main.configure().withDurationMaxMessages(1);
        try {
            main.run();
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
