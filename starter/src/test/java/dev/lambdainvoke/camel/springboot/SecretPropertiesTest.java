package dev.lambdainvoke.camel.springboot;

import java.util.function.Function;

import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.lambdainvoke.camel.springboot.CamelSpringBootRunner.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials given as {@code camel.component.lambda-invoke.*} properties sign the calls and show in no log of Spring,
 * Camel or the component, at DEBUG included, from start to stop of an application that invokes once.
 */
class SecretPropertiesTest {

    private static final String P = LambdaInvokeComponentConfiguration.PREFIX + ".";
    private static final String ACCESS = "AKIDSPRINGSECRET42";
    private static final String SECRET = "Spring+Secret/Key=Never&Logged";
    private static final String TOKEN = "SpringSessionToken+/Q==";

    @Test
    void credentialPropertiesShowInNoLog() {
        String logged;
        try (LocalLambda lambda = LocalLambda.builder()
                .function("echo", (Function<Object, Object>) in -> in).start();
             CapturedLogs logs = CapturedLogs.atDebug("org.springframework", "org.apache.camel",
                                                      "dev.lambdainvoke.camel")) {
            runner().withUserConfiguration(EchoRoute.class)
                    .withPropertyValues(P + "endpoint-override=" + lambda.endpoint(), P + "region=us-east-1",
                                        P + "access-key=" + ACCESS, P + "secret-key=" + SECRET,
                                        P + "session-token=" + TOKEN)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        String answer = context.getBean(CamelContext.class).createProducerTemplate()
                                .requestBody("direct:echo", "{\"signed\":true}", String.class);
                        assertThat(answer).isEqualTo("{\"signed\":true}");
                    });
            assertThat(lambda.invocations("echo")).isEqualTo(1);
            logged = logs.text();
        }

        assertThat(logged).as("something was logged at all").contains("lambda-invoke");
        for (String secret : new String[] {ACCESS, SECRET, TOKEN}) {
            assertThat(logged).doesNotContain(secret);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EchoRoute {

        @Bean
        RouteBuilder echo() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:echo").to("lambda-invoke:echo");
                }
            };
        }
    }
}
