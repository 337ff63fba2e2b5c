package dev.lambdainvoke.examples.springboot;

import java.util.List;
import java.util.Map;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that defines its own {@code LambdaAsyncClient} bean: the component picks it up with no property
 * naming it (Camel autowires the option from the application context) and invokes through it. The bean's client goes to
 * a second LocalLambda, so where the call lands shows which client made it.
 */
@SpringBootTest
class ClientBeanIsUsedTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnClient {

        @Bean(destroyMethod = "close")
        LocalLambda clientsLambda() {
            return LocalLambda.builder().function("order-pricer", new OrderPricer()).start();
        }

        @Bean
        LambdaAsyncClient lambdaClient(@Qualifier("clientsLambda") LocalLambda clientsLambda) {
            return LambdaAsyncClient.builder().region(Region.US_EAST_1).endpointOverride(clientsLambda.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("own", "own")))
                    .build();
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    LambdaAsyncClient lambdaClient;

    @Autowired
    @Qualifier("clientsLambda")
    LocalLambda clientsLambda;

    @Autowired
    @Qualifier("localLambda")
    LocalLambda applicationsLambda;

    @Test
    void theComponentInvokesThroughTheApplicationsClient() {
        assertThat(camel.getComponent("lambda-invoke", LambdaInvokeComponent.class).getConfiguration().getLambdaClient())
                .isSameAs(lambdaClient);

        String priced = template.requestBody("direct:price-order",
                Map.of("orderId", "B-7", "lines", List.of(Map.of("quantity", 3, "price", 2.0))), String.class);

        assertThat(priced).contains("\"total\":6.0");
        assertThat(clientsLambda.invocations("order-pricer")).isEqualTo(1);
        assertThat(applicationsLambda.invocations("order-pricer"))
                .as("the endpoint-override of application.properties does not apply to a client of your own").isZero();
    }
}
