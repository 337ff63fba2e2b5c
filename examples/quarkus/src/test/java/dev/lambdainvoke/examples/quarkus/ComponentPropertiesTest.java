package dev.lambdainvoke.examples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.camel.LambdaInvokeComponentConfigurer;
import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.LambdaInvokeEndpoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * camel.component.lambda-invoke.* from Quarkus configuration (application.properties and the test resource's
 * values) reaches the component, and the route's endpoint inherits it.
 */
@QuarkusTest
@WithTestResource(LocalLambdaResource.class)
class ComponentPropertiesTest {

    @Inject
    CamelContext context;

    @LocalLambdaEndpoint
    String localLambda;

    @Test
    void applicationPropertiesReachTheComponentConfiguration() {
        LambdaInvokeConfiguration configuration =
                context.getComponent("lambda-invoke", LambdaInvokeComponent.class).getConfiguration();

        assertEquals("eu-west-1", configuration.getRegion());
        assertEquals(30_000L, configuration.getTimeout(), "timeout=30s in milliseconds");
        assertEquals(1_000L, configuration.getConnectTimeout(), "connectTimeout=1s in milliseconds");
        assertEquals(16, configuration.getMaxConcurrency());
        assertEquals("Tail", configuration.getLogType());
    }

    @Test
    void configurationFromTheTestResourceReachesTheComponent() {
        LambdaInvokeConfiguration configuration =
                context.getComponent("lambda-invoke", LambdaInvokeComponent.class).getConfiguration();

        assertEquals(localLambda, configuration.getEndpointOverride());
        assertEquals("local", configuration.getAccessKey());
    }

    @Test
    void theRoutesEndpointInheritsTheComponentSettings() {
        LambdaInvokeEndpoint endpoint = context.getEndpoints().stream()
                .filter(LambdaInvokeEndpoint.class::isInstance).map(LambdaInvokeEndpoint.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("the route has no lambda-invoke endpoint"));
        LambdaInvokeConfiguration configuration = endpoint.getConfiguration();

        assertEquals(localLambda, configuration.getEndpointOverride());
        assertEquals(30_000L, configuration.getTimeout());
        assertEquals("Tail", configuration.getLogType());
        assertEquals("resource:classpath:order-request.jsonata", configuration.getJsonata(), "from the URI");
    }

    @Test
    void camelFindsTheGeneratedConfigurerSoBindingNeedsNoReflection() {
        assertInstanceOf(LambdaInvokeComponentConfigurer.class,
                PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("lambda-invoke-component", context));
    }
}
