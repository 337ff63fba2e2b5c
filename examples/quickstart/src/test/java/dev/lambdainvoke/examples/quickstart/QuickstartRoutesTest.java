package dev.lambdainvoke.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
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
import org.junit.jupiter.api.Test;

/**
 * {@link QuickstartRoutes} run by Camel Main against {@link OrderPricer} on LocalLambda, as {@link QuickstartApp} runs
 * them by default. The test sends the batch itself (on {@code direct:orders} instead of the timer) and records each
 * order's answer on a mock endpoint.
 */
class QuickstartRoutesTest {

    private static final String FUNCTION = "order-pricer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalLambda lambda;
    private static Main main;
    private static Exchange batch;
    private static List<Exchange> answers;

    @BeforeAll
    static void sendTheTwoOrdersThroughTheRoute() throws Exception {
        lambda = QuickstartApp.startLocalLambda(FUNCTION);
        main = new Main();
        main.configure().addRoutesBuilder(new QuickstartRoutes(FUNCTION));
        QuickstartApp.useLocalLambda(main, lambda.endpoint());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                recordAnswers(configured.getCamelContext());
            }
        });
        main.start();

        MockEndpoint recorded = main.getCamelContext().getEndpoint("mock:answers", MockEndpoint.class);
        recorded.expectedMessageCount(2);
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            batch = template.send("direct:orders", exchange -> { });
        }
        recorded.assertIsSatisfied();
        answers = recorded.getReceivedExchanges();
    }

    // before the route starts, so that the timer never fires
    private static void recordAnswers(CamelContext context) {
        try {
            AdviceWith.adviceWith(context, "quickstart", route -> {
                route.replaceFromWith("direct:orders");
                route.weaveByToUri("lambda-invoke:" + FUNCTION + "*").after().to("mock:answers");
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not advise the route quickstart", e);
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

    @Test
    void theFirstOrderIsPricedAndItsResultMergedBackIntoTheOrder() throws Exception {
        Message priced = answers.get(0).getMessage();

        assertNull(priced.getHeader(LambdaInvokeConstants.FUNCTION_ERROR));
        JsonNode order = JSON.readTree(priced.getBody(String.class));
        assertEquals("A-1", order.path("id").asText(), "the order as the route had it ($original)");
        assertEquals(2, order.path("items").size(), "its items as they came");
        assertEquals("apple", order.path("items").path(0).path("sku").asText());
        assertEquals(3.0, order.path("total").asDouble(), "3 x 0.5 + 2 x 0.75, amounts computed by the JSONata mapping");
        assertEquals("EUR", order.path("currency").asText());
        assertEquals("$LATEST", order.path("pricedBy").asText(), "from the LambdaExecutedVersion result header");
    }

    @Test
    void theSecondOrdersFunctionErrorIsHandledAsData() throws Exception {
        Message failed = answers.get(1).getMessage();

        assertEquals("Unhandled", failed.getHeader(LambdaInvokeConstants.FUNCTION_ERROR));
        JsonNode error = JSON.readTree(failed.getBody(String.class));
        assertEquals("quantity must be at least 1 for sku plum", error.path("errorMessage").asText());
        assertNull(batch.getException(), "a function error is an answer, not an exception");
    }

    @Test
    void eachAnswerCarriesTheFunctionsLogTail() {
        String firstTail = answers.get(0).getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class);
        String secondTail = answers.get(1).getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class);

        assertTrue(firstTail.contains("pricing order A-1 for tenant acme"), firstTail);
        assertTrue(firstTail.contains("order A-1 total 3.0"), firstTail);
        assertTrue(secondTail.contains("pricing order A-2 for tenant acme"), secondTail);
    }
}
