package dev.lambdainvoke.examples.quarkus;

import java.util.Map;

import dev.lambdainvoke.local.LocalLambda;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a LocalLambda hosting {@link OrderPricer} before the application starts, and points the component at it
 * through configuration, the way a deployment would point it at a region or a VPC endpoint.
 */
public class LocalLambdaResource implements QuarkusTestResourceLifecycleManager {

    private LocalLambda lambda;

    @Override
    public Map<String, String> start() {
        lambda = LocalLambda.builder().function("order-pricer", new OrderPricer()).start();
        return Map.of(
                "camel.component.lambda-invoke.endpointOverride", lambda.endpoint().toString(),
                // LocalLambda checks no signature, but the SDK signs every call: any keys do
                "camel.component.lambda-invoke.accessKey", "local",
                "camel.component.lambda-invoke.secretKey", "local");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(lambda.endpoint().toString(),
                new TestInjector.AnnotatedAndMatchesType(LocalLambdaEndpoint.class, String.class));
    }

    @Override
    public void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }
}
