package dev.lambdainvoke.camel;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link LambdaInvokePredicates#retryable()} drives redelivery like ${exception.retryable}, without camel-bean. */
class RetryablePredicateTest {

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeAll
    static void startLambda() {
        lambda = new WireMockLambda();
    }

    @AfterAll
    static void stopLambda() {
        lambda.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        lambda.reset();
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(LambdaInvokePredicates.retryable())
                        .maximumRedeliveries(2).redeliveryDelay(10).asyncDelayedRedelivery();
                from("direct:start").to("lambda-invoke:orders");
            }
        });
    }

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    @Test
    void aRetryableFailureIsRedelivered() {
        lambda.stub(invoke("orders").willReturn(awsError(503, "ServiceException", "busy")));

        Exchange result = camel.send("direct:start", "{}");

        assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
        assertThat(lambda.requestCount()).isEqualTo(3);
    }

    @Test
    void aFailureThatIsNotRetryableIsNotRedelivered() {
        lambda.stub(invoke("orders").willReturn(awsError(404, "ResourceNotFoundException", "no such function")));

        Exchange result = camel.send("direct:start", "{}");

        assertThat(((LambdaInvokeException) result.getException()).isRetryable()).isFalse();
        assertThat(lambda.requestCount()).isEqualTo(1);
    }
}
