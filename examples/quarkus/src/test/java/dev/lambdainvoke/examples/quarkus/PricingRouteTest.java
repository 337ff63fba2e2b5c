package dev.lambdainvoke.examples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** Orders through direct:price, the JSONata mapping and the component to the function on LocalLambda, and back. */
@QuarkusTest
@WithTestResource(LocalLambdaResource.class)
class PricingRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProducerTemplate template;

    @Test
    void anOrderComesBackPricedByTheFunction() throws Exception {
        Message answer = price("{\"id\": \"A-1\", \"items\": [{\"sku\": \"apple\", \"qty\": 3, \"price\": 0.5},"
                + " {\"sku\": \"pear\", \"qty\": 2, \"price\": 0.75}]}");

        JsonNode priced = JSON.readTree(answer.getBody(String.class));
        assertEquals("A-1", priced.path("orderId").asText());
        assertEquals(3.0, priced.path("total").asDouble(), 1e-9, "3 x 0.5 + 2 x 0.75, computed by the function");
        assertEquals("EUR", priced.path("currency").asText());
        assertEquals(200, answer.getHeader(LambdaInvokeConstants.STATUS_CODE, Integer.class));
        assertEquals("$LATEST", answer.getHeader(LambdaInvokeConstants.EXECUTED_VERSION));
        assertNull(answer.getHeader(LambdaInvokeConstants.FUNCTION_ERROR));
    }

    @Test
    void logTypeTailFromApplicationPropertiesBringsTheFunctionsLog() {
        Message answer = price("{\"id\": \"A-2\", \"items\": [{\"sku\": \"fig\", \"qty\": 1, \"price\": 2}]}");

        String tail = answer.getHeader(LambdaInvokeConstants.LOG_TAIL, String.class);
        assertNotNull(tail, "logType=Tail is set only in application.properties");
        assertTrue(tail.contains("pricing order A-2"), tail);
    }

    @Test
    void aFunctionErrorSetsLambdaFunctionErrorAndReturnsTheErrorPayload() throws Exception {
        Message answer = price("{\"id\": \"A-3\", \"items\": [{\"sku\": \"plum\", \"qty\": 0, \"price\": 1.2}]}");

        assertEquals("Unhandled", answer.getHeader(LambdaInvokeConstants.FUNCTION_ERROR));
        JsonNode error = JSON.readTree(answer.getBody(String.class));
        assertEquals("java.lang.IllegalArgumentException", error.path("errorType").asText());
        assertEquals("quantity must be at least 1 for sku plum", error.path("errorMessage").asText());
    }

    private Message price(String order) {
        Exchange exchange = template.request("direct:price", e -> e.getMessage().setBody(order));
        if (exchange.getException() != null) {
            throw new AssertionError("the exchange failed", exchange.getException());
        }
        return exchange.getMessage();
    }
}
