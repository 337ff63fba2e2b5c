package dev.lambdainvoke.examples.yamldsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.camel.LambdaThrottledException;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route of {@code routes/orders.yaml}, configured by {@link YamlDslApp} against its LocalLambda functions. The test
 * sends the order itself (on {@code direct:orders} instead of the timer) and records each call's outcome on mock
 * endpoints.
 */
class OrdersRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalLambda lambda;
    private static Main main;
    private static ProducerTemplate template;

    @BeforeAll
    static void startTheRouteAgainstLocalLambda() {
        lambda = YamlDslApp.startLocalLambda();
        main = new Main();
        YamlDslApp.configure(main, lambda.endpoint());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                recordCalls(configured.getCamelContext());
            }
        });
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    // before the route starts, so that the timer never fires
    private static void recordCalls(CamelContext context) {
        try {
            AdviceWith.adviceWith(context, "orders", route -> {
                route.replaceFromWith("direct:orders");
                route.weaveByToUri("lambda-invoke:order-pricer*").after().to("mock:priced");
                // a redelivery sends to the endpoint again, so this sees every attempt
                route.interceptSendToEndpoint("lambda-invoke:loyalty-points*").to("mock:loyalty-points-attempts");
                route.weaveByToUri("lambda-invoke:loyalty-points*").after().to("mock:loyalty-points-answered");
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not advise the route orders", e);
        }
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @BeforeEach
    void forgetEarlierOrders() {
        MockEndpoint.resetMocks(main.getCamelContext());
    }

    @Test
    void pricesTheOrderOnVersion1ThroughTheProdAlias() throws Exception {
        MockEndpoint priced = mock("mock:priced");
        priced.expectedMessageCount(1);

        template.send("direct:orders", exchange -> { });

        priced.assertIsSatisfied();
        Message answer = priced.getReceivedExchanges().get(0).getMessage();
        assertEquals("1", answer.getHeader(LambdaInvokeConstants.EXECUTED_VERSION));
        JsonNode pricedOrder = JSON.readTree(answer.getBody(String.class));
        assertEquals("A-1", pricedOrder.path("orderId").asText());
        assertEquals("acme", pricedOrder.path("tenant").asText(), "the tenant header, mapped by order-request.jsonata");
        assertEquals(3.0, pricedOrder.path("total").asDouble(), "3 x 0.5 + 2 x 0.75");
    }

    @Test
    void redeliversTheThrottledCallTwiceThenHandlesIt() throws Exception {
        MockEndpoint attempts = mock("mock:loyalty-points-attempts");
        attempts.expectedMessageCount(3);

        Exchange order = template.send("direct:orders", exchange -> { });

        attempts.assertIsSatisfied();
        assertEquals(0, mock("mock:loyalty-points-answered").getReceivedCounter(), "no attempt was answered");
        assertNull(order.getException(), "the onException clause handled the failure");
        LambdaThrottledException caught =
                assertInstanceOf(LambdaThrottledException.class, order.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals("loyalty-points", caught.getFunction());
        assertEquals("TooManyRequestsException", caught.getErrorCode());
        assertTrue(caught.isRetryable());
        List<Integer> redeliveryCounters = attempts.getReceivedExchanges().stream()
                .map(attempt -> attempt.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).toList();
        assertEquals(Arrays.asList(null, 1, 2), redeliveryCounters, "the delivery, then two redeliveries");
        assertEquals(0, lambda.invocations("loyalty-points"), "throttled: the handler never ran");
    }

    private static MockEndpoint mock(String uri) {
        return main.getCamelContext().getEndpoint(uri, MockEndpoint.class);
    }
}
