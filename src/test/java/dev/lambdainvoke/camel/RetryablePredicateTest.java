package dev.lambdainvoke.camel;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link LambdaInvokePredicates#retryable()} drives redelivery like ${exception.retryable}, without camel-bean. */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class RetryablePredicateTest {

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeEach
    void addRoutes() throws Exception {
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(LambdaInvokePredicates.retryable())
                        .maximumRedeliveries(2).redeliveryDelay(10).asyncDelayedRedelivery();
                from("direct:start").to("lambda-invoke:orders");
                // the policy with a clause for what is not retryable: Camel keeps the last matched clause's policy for
                // a failure that no clause matches, so without it a 404 after a 503 would be redelivered as the 503 was
                from("direct:guarded")
                        .onException(LambdaInvokeException.class).onWhen(LambdaInvokePredicates.retryable())
                        .maximumRedeliveries(2).redeliveryDelay(10).asyncDelayedRedelivery().end()
                        .onException(LambdaInvokeException.class).maximumRedeliveries(0).end()
                        .to("lambda-invoke:orders");
            }
        });
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

    /**
     * Found by ExchangeFateProperties: Camel adds the previous attempt's exception to the new one as suppressed, and
     * {@code Exchange.getException(Class)} looks at suppressed exceptions first, so the predicate read the earlier 503's
     * retryable flag and redelivered a failure that must not be (here a 404 after a reset; a Timeout after a 500 the
     * same way). Camel adds it only when the two were raised in different places, so not for a 404 after a 503.
     */
    @Test
    void aFailureThatIsNotRetryableIsNotRedeliveredAfterARetryableOne() {
        lambda.answersInTurn("orders", WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                awsError(404, "ResourceNotFoundException", "no such function"));

        Exchange result = camel.send("direct:guarded", "{}");

        assertThat(result.getException()).isInstanceOfSatisfying(LambdaInvokeException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(lambda.requestCount()).as("requests: the reset, then the 404 that must not be redelivered")
                .isEqualTo(2);
    }

    /**
     * Camel's own rule, why the policy needs the second clause: a failure that no onException clause matches is
     * redelivered under the policy of the clause the previous failure matched.
     */
    @Test
    void withTheRetryableClauseAloneCamelRedeliversAFailureThatIsNotRetryableAfterARetryableOne() {
        lambda.answersInTurn("orders", awsError(503, "ServiceException", "busy"),
                awsError(404, "ResourceNotFoundException", "no such function"));

        Exchange result = camel.send("direct:start", "{}");

        assertThat(((LambdaInvokeException) result.getException()).getErrorCode())
                .isEqualTo("ResourceNotFoundException");
        assertThat(lambda.requestCount()).as("the 503, the 404, and the 404 redelivered under the 503's policy")
                .isEqualTo(3);
    }
}
