package dev.lambdainvoke.camel.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.component;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.componentOptions;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.kebab;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.option;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.lambda-invoke.*} in a Spring Boot application reaches the component Camel creates: every
 * option the component has (the list comes from Camel's generated metadata, so an option added later without a
 * property fails here), durations in Spring Boot's formats, secrets as written, camelCase names as Camel users write
 * them; configuration names a bean; and properties left out leave the component's defaults.
 */
class PropertiesBindingTest {

    private static final String P = LambdaInvokeComponentConfiguration.PREFIX + ".";

    /** A value for every option, none of them the default: property text → what the component must then hold. */
    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        sample("region", "eu-west-3", "eu-west-3");
        sample("endpointOverride", "http://127.0.0.1:9/lambda", "http://127.0.0.1:9/lambda");
        sample("invocationType", "Event", "Event");
        sample("qualifier", "prod", "prod");
        sample("logType", "Tail", "Tail");
        sample("clientContext", "{\"tenant\":\"acme\"}", "{\"tenant\":\"acme\"}");
        sample("jsonata", "{\"order\": $}", "{\"order\": $}");
        sample("failOnFunctionError", "true", true);
        sample("timeout", "90s", 90_000L);
        sample("connectTimeout", "750ms", 750L);
        sample("maxRetryAfter", "5s", 5_000L);
        sample("maxConcurrency", "7", 7);
        sample("httpClient", "crt", "crt");
        sample("allowHeaderOverrides", "true", true);
        sample("allowedFunctions", "orders-(eu|us)", "orders-(eu|us)");
        sample("accessKey", "AKIDSPRINGBOOT", "AKIDSPRINGBOOT");
        sample("secretKey", "Spring+Boot/Secret=Key&9", "Spring+Boot/Secret=Key&9");
        sample("sessionToken", "Token+/With==", "Token+/With==");
        sample("profile", "orders", "orders");
        sample("useEc2Role", "true", true);
        sample("roleArn", "arn:aws:iam::123456789012:role/order-invoker", "arn:aws:iam::123456789012:role/order-invoker");
        sample("roleExternalId", "orders-7f3a", "orders-7f3a");
        sample("roleSessionName", "orders-route", "orders-route");
        sample("stsEndpointOverride", "http://127.0.0.1:9/sts", "http://127.0.0.1:9/sts");
        sample("proxyHost", "proxy.internal", "proxy.internal");
        sample("proxyPort", "3128", 3128);
        sample("proxyScheme", "https", "https");
        sample("nonProxyHosts", "localhost|*.internal", "localhost|*.internal");
        sample("responseStreaming", "true", true);
        sample("resultJsonata", "$merge([$original, $])", "$merge([$original, $])");
        // Spring resolves ${...} itself: $simple{...} is Camel's form that reaches the component as written
        sample("tenantId", "$simple{header.tenant}", "$simple{header.tenant}");
        sample("durableExecutionName", "order-$simple{header.orderId}", "order-$simple{header.orderId}");
        sample("autowiredEnabled", "false", false);
        sample("lazyStartProducer", "true", true);
        // lambdaClient names a bean: ClientBeanTest
    }

    private static void sample(String option, String property, Object expected) {
        SAMPLES.put(option, new Sample(property, expected));
    }

    @Test
    void everyComponentOptionBindsFromItsProperty() throws Exception {
        List<String> options = componentOptions();
        options.remove("lambdaClient");
        assertThat(SAMPLES.keySet()).as("a sample for every option of the component").containsExactlyInAnyOrderElementsOf(options);
        List<String> properties = new ArrayList<>();
        SAMPLES.forEach((name, sample) -> properties.add(P + kebab(name) + "="
                                                         + sample.property()));

        runner().withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertThat(context).hasNotFailed();
            LambdaInvokeComponent component = component(context);
            SAMPLES.forEach((name, sample) -> assertThat(option(component, name)).as(name).isEqualTo(sample.expected()));
        });
    }

    @Test
    void absentPropertiesLeaveTheComponentDefaults() throws Exception {
        LambdaInvokeComponent untouched = new LambdaInvokeComponent();

        runner().withPropertyValues(P + "region=eu-west-3").run(context -> {
            LambdaInvokeComponent component = component(context);
            assertThat(component.getConfiguration().getRegion()).isEqualTo("eu-west-3");
            for (String name : componentOptions()) {
                if (!name.equals("region")) {
                    assertThat(option(component, name)).as(name).isEqualTo(option(untouched, name));
                }
            }
            assertThat(component.getConfiguration().getTimeout()).as("15 minutes").isEqualTo(900_000L);
        });
    }

    @Test
    void durationsTakeSpringBootsFormats() {
        runner().withPropertyValues(P + "timeout=PT2M30S",
                                    P + "connect-timeout=1500").run(context -> {
            LambdaInvokeComponent component = component(context);
            assertThat(component.getConfiguration().getTimeout()).as("ISO-8601").isEqualTo(150_000L);
            assertThat(component.getConfiguration().getConnectTimeout()).as("a bare number is milliseconds")
                    .isEqualTo(1_500L);
        });
    }

    @Test
    void aSecretArrivesAsWrittenWithoutRaw() {
        // + / = & would need RAW(...) in a Camel URI; a property is taken as it is
        runner().withPropertyValues(P + "access-key=AKIDSPRINGBOOT",
                                    P + "secret-key=a+b/c=d&e%20f").run(context -> {
            assertThat(component(context).getConfiguration().getSecretKey()).isEqualTo("a+b/c=d&e%20f");
        });
    }

    @Test
    void aSecretMayComeFromAnEnvironmentVariable() {
        // Spring Boot's environment-variable form of camel.component.lambda-invoke.secret-key
        Map<String, Object> environment = Map.of("CAMEL_COMPONENT_LAMBDAINVOKE_SECRETKEY", "from+the/environment=");
        runner().withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                                            environment)))
                .run(context -> assertThat(component(context).getConfiguration().getSecretKey())
                        .isEqualTo("from+the/environment="));
    }

    @Test
    void camelCaseNamesBindAsWellAsKebabCase() {
        runner().withPropertyValues(P + "endpointOverride=http://127.0.0.1:9",
                                    P + "maxConcurrency=3").run(context -> {
            LambdaInvokeComponent component = component(context);
            assertThat(component.getConfiguration().getEndpointOverride()).isEqualTo("http://127.0.0.1:9");
            assertThat(component.getConfiguration().getMaxConcurrency()).isEqualTo(3);
        });
    }

    @Test
    void aMalformedDurationStopsTheApplicationShowingTheValue() {
        runner().withUserConfiguration(OneRoute.class).withPropertyValues(P + "timeout=ninety seconds").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ninety seconds");
        });
    }

    @Test
    void configurationNamesAConfigurationBean() {
        runner().withUserConfiguration(SharedConfiguration.class).withPropertyValues(P + "configuration=#bean:shared")
                .run(context -> assertThat(component(context).getConfiguration())
                        .isSameAs(context.getBean("shared")));
    }

    @Configuration(proxyBeanMethods = false)
    static class SharedConfiguration {

        @Bean
        LambdaInvokeConfiguration shared() {
            LambdaInvokeConfiguration configuration = new LambdaInvokeConfiguration();
            configuration.setRegion("ap-south-1");
            return configuration;
        }
    }

    /** An application with a route to the component: Camel creates the component when the application starts. */
    @Configuration(proxyBeanMethods = false)
    static class OneRoute {

        @Bean
        RouteBuilder route() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("lambda-invoke:orders");
                }
            };
        }
    }

    private record Sample(String property, Object expected) {
    }
}
