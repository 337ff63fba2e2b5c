package dev.lambdainvoke.examples.springboot;

import java.util.Map;

import dev.lambdainvoke.local.LocalLambda;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lambda on 127.0.0.1 for this example: LocalLambda hosts {@link OrderPricer} behind the real Invoke API on a free port,
 * and stops with the application. Its address is published as {@code local-lambda.endpoint}, which application.properties
 * hands to the component (the component's properties are bound when Camel creates it, after this bean).
 */
@Configuration(proxyBeanMethods = false)
public class LocalLambdaConfiguration {

    @Bean(destroyMethod = "close")
    public LocalLambda localLambda(ConfigurableEnvironment environment) {
        LocalLambda lambda = LocalLambda.builder().function("order-pricer", new OrderPricer()).start();
        environment.getPropertySources().addFirst(new MapPropertySource("local-lambda",
                Map.of("local-lambda.endpoint", lambda.endpoint().toString())));
        return lambda;
    }
}
