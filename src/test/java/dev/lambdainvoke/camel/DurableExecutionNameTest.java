package dev.lambdainvoke.camel;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC Round 2 "durableExecutionName": sent as X-Amz-Durable-Execution-Name, evaluated once per exchange, reused by its
 * redeliveries; a Timeout is then retryable; the execution ARN comes back as a header.
 */
@WireMockLambdaTest
class DurableExecutionNameTest {

    private static final String FUNCTION = "orders";
    private static final String ARN =
            "arn:aws:lambda:us-east-1:000000000000:function:orders:$LATEST/durable-execution/order-1/abc";

    private static WireMockLambda lambda;
    /** Started by each test's route; the extension closes it after the test. */
    private CamelHarness camel;

    /** Redelivers retryable failures once; the name's expression reads a header the first attempt changes. */
    private void retryingRoute(String lambdaUri) throws Exception {
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(1).redeliveryDelay(0);
                from("direct:start").to(lambdaUri);
            }
        });
    }

    private static List<String> sentNames() {
        return lambda.requests().stream().map(r -> r.getHeader("X-Amz-Durable-Execution-Name")).toList();
    }

    @Test
    void redeliveryAfterATimeoutSendsTheSameNameAndTheTimeoutWasRetryable() throws Exception {
        lambda.answersInTurn(FUNCTION, ok("{\"late\":true}").withFixedDelay(3000),
                ok("{\"done\":true}").withHeader("X-Amz-Durable-Execution-Arn", ARN));
        // evaluated again, the expression would give another name: "order-x" on the first attempt, "order-1x" after
        retryingRoute(LambdaInvokeUri.function(FUNCTION).timeout(java.time.Duration.ofSeconds(1))
                .durableExecutionName("order-${header.CamelRedeliveryCounter}x").build());

        Exchange result = camel.send("direct:start", "{\"id\":1}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo("{\"done\":true}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.DURABLE_EXECUTION_ARN)).isEqualTo(ARN);
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        List<String> names = sentNames();
        assertThat(names).hasSize(2).doesNotContainNull();
        assertThat(names).containsExactly("order-x", "order-x");
    }

    @Test
    void timeoutWithoutDurableNameIsStillNotRetryable() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}").withFixedDelay(3000)));
        retryingRoute("lambda-invoke:" + FUNCTION + "?timeout=1s");

        Exchange result = camel.send("direct:start", "{}");

        LambdaInvokeException error = (LambdaInvokeException) result.getException();
        assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.TIMEOUT);
        assertThat(error.isRetryable()).isFalse();
        assertThat(lambda.requestCount()).isEqualTo(1);
    }

    @Test
    void nameFromAnExpressionIsEvaluatedPerExchange() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}")));
        retryingRoute(LambdaInvokeUri.function(FUNCTION).durableExecutionName("order-${header.orderId}").build());

        camel.send("direct:start", "{}", Map.of("orderId", "7"));
        camel.send("direct:start", "{}", Map.of("orderId", "8"));

        assertThat(sentNames()).containsExactlyInAnyOrder("order-7", "order-8");
    }

    @Test
    void durableExecutionAlreadyStartedIsMappedAndNotRetried() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(awsError(409, "DurableExecutionAlreadyStartedException",
                "already started with another payload")));
        retryingRoute("lambda-invoke:" + FUNCTION + "?durableExecutionName=order-1");

        Exchange result = camel.send("direct:start", "{}");

        LambdaInvokeException error = (LambdaInvokeException) result.getException();
        assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.DURABLE_EXECUTION_ALREADY_STARTED);
        assertThat(error.getStatusCode()).isEqualTo(409);
        assertThat(error.isRetryable()).isFalse();
        assertThat(lambda.requestCount()).isEqualTo(1);
    }

    @Test
    void executionArnHeaderOfAnEarlierCallIsCleared() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}")));
        retryingRoute("lambda-invoke:" + FUNCTION);

        Exchange result = camel.send("direct:start", "{}", Map.of(LambdaInvokeConstants.DURABLE_EXECUTION_ARN, ARN));

        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.DURABLE_EXECUTION_ARN)).isNull();
        LoggedRequest request = lambda.onlyRequest();
        assertThat(request.containsHeader("X-Amz-Durable-Execution-Name")).isFalse();
    }
}
