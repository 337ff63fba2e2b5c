package dev.lambdainvoke.camel;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** tenantId and durableExecutionName from a route to LocalLambda: the handler sees the tenant, a name runs once. */
class TenantAndDurableNameLocalLambdaTest {

    private final AtomicInteger runs = new AtomicInteger();
    private LocalLambda local;
    private CamelHarness camel;

    @BeforeEach
    void start() throws Exception {
        local = LocalLambda.builder()
                .function(LocalFunction.named("tenants").tenantIsolation(() ->
                        (RequestHandler<Map<String, Object>, String>) (in, context) -> LocalLambda.tenantId(context)))
                .function("once", (RequestHandler<Map<String, Object>, String>) (in, context) ->
                        "run " + runs.incrementAndGet())
                .start();
        camel = CamelHarness.against(local.endpoint());
    }

    @AfterEach
    void stop() {
        camel.close();
        local.close();
    }

    @Test
    void handlerSeesTheTenantOfEachMessage() {
        String uri = LambdaInvokeUri.function("tenants").tenantId("${header.tenant}").build();

        assertThat(camel.send(uri, "{}", Map.of("tenant", "acme")).getMessage().getBody()).isEqualTo("\"acme\"");
        assertThat(camel.send(uri, "{}", Map.of("tenant", "globex")).getMessage().getBody()).isEqualTo("\"globex\"");
    }

    @Test
    void sameDurableNameAndPayloadRunsOnceAndAnotherPayloadIsAlreadyStarted() {
        String uri = LambdaInvokeUri.function("once").durableExecutionName("order-${header.orderId}").build();

        Exchange first = camel.send(uri, "{\"id\":1}", Map.of("orderId", "1"));
        Exchange again = camel.send(uri, "{\"id\":1}", Map.of("orderId", "1"));
        Exchange changed = camel.send(uri, "{\"id\":2}", Map.of("orderId", "1"));

        assertThat(first.getMessage().getBody()).isEqualTo("\"run 1\"");
        assertThat(again.getMessage().getBody()).isEqualTo("\"run 1\"");
        assertThat(again.getMessage().getHeader(LambdaInvokeConstants.DURABLE_EXECUTION_ARN))
                .isEqualTo(first.getMessage().getHeader(LambdaInvokeConstants.DURABLE_EXECUTION_ARN))
                .asString().contains("/durable-execution/order-1/");
        assertThat(((LambdaInvokeException) changed.getException()).getErrorCode())
                .isEqualTo(LambdaInvokeException.DURABLE_EXECUTION_ALREADY_STARTED);
        assertThat(runs).hasValue(1);
    }
}
