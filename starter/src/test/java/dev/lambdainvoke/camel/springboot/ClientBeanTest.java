package dev.lambdainvoke.camel.springboot;

import java.net.URI;
import java.util.function.Function;

import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.component;
import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A {@code LambdaAsyncClient} bean of the application: the one bean is autowired by Camel through the application
 * context and is what invokes; among several, {@code lambda-client} names one; {@code autowired-enabled=false} turns
 * autowiring off; a name with no such bean fails, naming the property.
 */
class ClientBeanTest {

    private static final String P = LambdaInvokeComponentConfiguration.PREFIX + ".";

    /** Where the component's own client would go (its endpoint-override). */
    private static LocalLambda componentSide;
    /** Where the application's client beans go. */
    private static LocalLambda beanSide;
    /** Built once: a client's Netty event loop takes seconds to shut down. The beans hand them out unclosed. */
    private static LambdaAsyncClient first;
    private static LambdaAsyncClient second;

    @BeforeAll
    static void startLambdas() {
        componentSide = LocalLambda.builder().function("whoami", (Function<Object, String>) in -> "component's client")
                .start();
        beanSide = LocalLambda.builder().function("whoami", (Function<Object, String>) in -> "application's client")
                .start();
        first = client(beanSide.endpoint());
        second = client(beanSide.endpoint());
    }

    @AfterAll
    static void stopLambdas() {
        first.close();
        second.close();
        componentSide.close();
        beanSide.close();
    }

    @Test
    void theApplicationsClientBeanIsAutowiredAndInvokes() {
        runner().withUserConfiguration(OneClient.class, WhoAmIRoute.class)
                .withPropertyValues(P + "endpoint-override=" + componentSide.endpoint(), P + "access-key=local",
                                    P + "secret-key=local", P + "region=us-east-1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(component(context).getConfiguration().getLambdaClient())
                            .isSameAs(context.getBean(LambdaAsyncClient.class));

                    String answer = context.getBean(CamelContext.class).createProducerTemplate()
                            .requestBody("direct:whoami", "{}", String.class);

                    assertThat(answer).isEqualTo("\"application's client\"");
                    assertThat(beanSide.invocations("whoami")).isEqualTo(1);
                    assertThat(componentSide.invocations("whoami")).isZero();
                });
    }

    @Test
    void lambdaClientNamesOneOfSeveralBeans() {
        runner().withUserConfiguration(TwoClients.class).withPropertyValues(P + "lambda-client=#bean:usClient")
                .run(context -> assertThat(component(context).getConfiguration().getLambdaClient())
                        .isSameAs(context.getBean("usClient")));
        runner().withUserConfiguration(TwoClients.class).withPropertyValues(P + "lambda-client=euClient")
                .run(context -> assertThat(component(context).getConfiguration().getLambdaClient())
                        .isSameAs(context.getBean("euClient")));
    }

    @Test
    void withSeveralBeansAndNoNameNoneIsGuessed() {
        runner().withUserConfiguration(TwoClients.class)
                .run(context -> assertThat(component(context).getConfiguration().getLambdaClient()).isNull());
    }

    @Test
    void autowiredEnabledFalseLeavesTheBeanAlone() {
        runner().withUserConfiguration(OneClient.class).withPropertyValues(P + "autowired-enabled=false")
                .run(context -> assertThat(component(context).getConfiguration().getLambdaClient()).isNull());
    }

    @Test
    void aNameWithNoSuchBeanFailsNamingTheProperty() {
        runner().withUserConfiguration(OneClient.class).withPropertyValues(P + "lambda-client=#bean:missing")
                .run(context -> assertThat(catchThrowable(() -> component(context)))
                        .hasStackTraceContaining(P + "lambda-client names the bean 'missing', but the application has no "
                                                 + "LambdaAsyncClient bean of that name"));
    }

    @Test
    void referencesMayBeWrittenAsCamelDoes() {
        assertThat(LambdaInvokeComponentConverter.beanName("#bean:eu")).isEqualTo("eu");
        assertThat(LambdaInvokeComponentConverter.beanName("#eu")).isEqualTo("eu");
        assertThat(LambdaInvokeComponentConverter.beanName(" eu ")).isEqualTo("eu");
    }

    private static LambdaAsyncClient client(URI endpoint) {
        return LambdaAsyncClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    static class OneClient {

        @Bean(destroyMethod = "")
        LambdaAsyncClient applicationClient() {
            return first;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoClients {

        @Bean(destroyMethod = "")
        LambdaAsyncClient euClient() {
            return first;
        }

        @Bean(destroyMethod = "")
        LambdaAsyncClient usClient() {
            return second;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WhoAmIRoute {

        @Bean
        RouteBuilder whoAmI() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:whoami").to("lambda-invoke:whoami");
                }
            };
        }
    }
}
