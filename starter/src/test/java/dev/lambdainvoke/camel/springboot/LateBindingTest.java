package dev.lambdainvoke.camel.springboot;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.component;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties are bound when Camel creates the component, not when the CamelContext is made: a property may refer to
 * a value that one of the application's beans publishes while it starts (an embedded server's port, as the Spring Boot
 * example does with LocalLambda), even when a route bean brought the CamelContext up before that bean existed.
 */
class LateBindingTest {

    @Test
    void aPlaceholderMayReferToAValueABeanPublishesAtStartUp() {
        runner().withUserConfiguration(RouteFirst.class, PublishingBean.class)
                .withPropertyValues(LambdaInvokeComponentConfiguration.PREFIX + ".endpoint-override=${published.endpoint}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(component(context).getConfiguration().getEndpointOverride())
                            .isEqualTo("http://127.0.0.1:9/published");
                });
    }

    /** Registered first: its route builder is CamelContextAware, so the CamelContext is made for it. */
    @Configuration(proxyBeanMethods = false)
    static class RouteFirst {

        @Bean
        RouteBuilder route() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // lazy: the endpoint would otherwise try to reach the address at start
                    from("direct:start").to("lambda-invoke:orders?lazyStartProducer=true");
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PublishingBean {

        @Bean
        String publisher(ConfigurableEnvironment environment) {
            environment.getPropertySources().addFirst(new MapPropertySource("published",
                    Map.of("published.endpoint", "http://127.0.0.1:9/published")));
            return "published";
        }
    }
}
