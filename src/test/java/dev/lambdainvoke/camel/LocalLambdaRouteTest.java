package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.CamelHarness;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** lambda-invoke: endpoints against LocalLambda: what a route sees of a Java handler, with no Docker and no AWS. */
class LocalLambdaRouteTest {

    private static final CountDownLatch HOLD = new CountDownLatch(1);
    private static final CountDownLatch HELD = new CountDownLatch(1);

    private static LocalLambda local;
    private CamelHarness camel;

    @BeforeAll
    static void startLocalLambda() {
        RequestHandler<Object, String> holds = (in, context) -> {
            HELD.countDown();
            try {
                HOLD.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "released";
        };
        local = LocalLambda.builder()
                .function(LocalFunction.named("pricer")
                        .handler(new Pricer("latest"))
                        .version("1", new Pricer("v1"))
                        .alias("prod", "1"))
                .function(LocalFunction.named("held").handler(holds).reservedConcurrency(1)
                        .timeout(Duration.ofSeconds(30)))
                .start();
    }

    @AfterAll
    static void stopLocalLambda() {
        HOLD.countDown();
        local.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        camel = CamelHarness.against(local.endpoint());
    }

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    @Test
    void requestHandlersResultIsTheBodyAndTheAliasesVersionIsTheExecutedVersion() {
        Exchange result = camel.send("lambda-invoke:pricer?qualifier=prod", Map.of("sku", "plum", "quantity", 4));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"sku\":\"plum\",\"total\":10.0,\"by\":\"v1\"}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("1");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID, String.class)).isNotBlank();
    }

    @Test
    void logTypeTailGivesTheLogTailWithTheHandlersLine() {
        Exchange result = camel.send("lambda-invoke:pricer?logType=Tail", Map.of("sku", "pear", "quantity", 1));

        assertThat(result.getException()).isNull();
        String tail = result.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class);
        assertThat(tail).startsWith("START RequestId: " + result.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID))
                .contains("\npricing 1 x pear (latest)\n")
                .contains("\nREPORT RequestId: ");
    }

    @Test
    void thrownExceptionGivesAnUnhandledFunctionErrorWithTheErrorPayloadAsBody() {
        Exchange result = camel.send("lambda-invoke:pricer", Map.of("sku", "plum", "quantity", 0));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
        assertThat(result.getMessage().getBody(String.class))
                .contains("\"errorMessage\":\"quantity must be at least 1\"")
                .contains("\"errorType\":\"java.lang.IllegalArgumentException\"")
                .contains("\"stackTrace\":[\"" + Pricer.class.getName() + ".handleRequest(");
    }

    @Test
    void reservedConcurrencyUsedUpGivesARetryableThrottledExceptionWithRetryAfter() throws Exception {
        CompletableFuture<Exchange> holder = camel.template().asyncSend("lambda-invoke:held",
                e -> e.getMessage().setBody("{}"));
        assertThat(HELD.await(10, TimeUnit.SECONDS)).as("the one place is taken").isTrue();

        Exchange throttled = camel.send("lambda-invoke:held", "{}");

        assertThat(throttled.getException()).isInstanceOf(LambdaThrottledException.class);
        LambdaThrottledException e = (LambdaThrottledException) throttled.getException();
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.getReason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.isRetryable()).isTrue();
        // as Camel's error handler reads it, while the exchange fails with this exception
        assertThat(throttled.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(1000L);

        HOLD.countDown();
        Exchange released = holder.get(10, TimeUnit.SECONDS);
        assertThat(released.getException()).isNull();
        assertThat(released.getMessage().getBody(String.class)).isEqualTo("\"released\"");
    }

    /** Prices an order line; a quantity below 1 is an error it throws, as a real function would. */
    public static class Pricer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

        private final String label;

        Pricer(String label) {
            this.label = label;
        }

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> line, Context context) {
            int quantity = ((Number) line.get("quantity")).intValue();
            context.getLogger().log("pricing " + quantity + " x " + line.get("sku") + " (" + label + ")");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
            Map<String, Object> priced = new LinkedHashMap<>();
            priced.put("sku", line.get("sku"));
            priced.put("total", quantity * 2.5);
            priced.put("by", label);
            return priced;
        }
    }
}
