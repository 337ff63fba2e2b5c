package dev.lambdainvoke.examples.springboot;

import java.util.List;
import java.util.Map;

import dev.lambdainvoke.camel.LambdaInvokeComponent;
import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as it ships: application.properties configures the lambda-invoke component (read back from the
 * component Camel created), and an order goes through the route to the function on the embedded LocalLambda.
 */
@SpringBootTest
class PropertiesReachTheComponentTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    LocalLambda localLambda;

    @Test
    void applicationPropertiesConfigureTheComponent() {
        LambdaInvokeConfiguration configuration =
                camel.getComponent("lambda-invoke", LambdaInvokeComponent.class).getConfiguration();

        assertThat(configuration.getEndpointOverride()).isEqualTo(localLambda.endpoint().toString());
        assertThat(configuration.getRegion()).isEqualTo("us-east-1");
        assertThat(configuration.getTimeout()).as("timeout=90s").isEqualTo(90_000L);
        assertThat(configuration.getConnectTimeout()).as("connect-timeout=1s").isEqualTo(1_000L);
        assertThat(configuration.getMaxConcurrency()).isEqualTo(16);
        assertThat(configuration.getLogType()).isEqualTo("Tail");
        assertThat(configuration.getAccessKey()).isEqualTo("local");
        assertThat(configuration.getLambdaClient()).as("no client bean: the component builds its own").isNull();
    }

    @Test
    void anOrderIsPricedByTheFunctionThroughTheRoute() {
        int before = localLambda.invocations("order-pricer");
        Map<String, Object> order = Map.of("orderId", "A-1", "lines",
                List.of(Map.of("quantity", 2, "price", 9.5), Map.of("quantity", 1, "price", 1.0)));

        Exchange priced = template.request("direct:price-order", e -> e.getMessage().setBody(order));

        assertThat(priced.getException()).isNull();
        assertThat(priced.getMessage().getBody(String.class)).contains("\"orderId\":\"A-1\"").contains("\"total\":20.0");
        assertThat(priced.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        // log-type=Tail from application.properties: the function's own log line comes back
        assertThat(priced.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class))
                .contains("order A-1 total 20.0");
        assertThat(localLambda.invocations("order-pricer")).isEqualTo(before + 1);
    }
}
