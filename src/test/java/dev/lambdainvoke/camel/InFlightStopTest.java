package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ExchangeEndings;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Errors", last paragraph: nothing is lost -- each exchange ends exactly once, in success or with its exception
 * (in the dead-letter channel when there is one), also when the route stops with invocations in flight. ShutdownTest
 * covers invocations still queued under maxConcurrency.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class InFlightStopTest {

    private static final int IN_FLIGHT = 8;

    private static WireMockLambda lambda;
    private CamelHarness camel;
    private MockEndpoint dead;
    private final ExchangeEndings endings = new ExchangeEndings();

    @BeforeEach
    void addRoutes() throws Exception {
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("direct:start").to("lambda-invoke:orders");
            }
        });
        dead = camel.context().getEndpoint("mock:dead", MockEndpoint.class);
    }

    /** Sends IN_FLIGHT exchanges without waiting, and waits until Lambda has all of them. */
    private void sendAllAndAwaitThemAtLambda() {
        for (int i = 0; i < IN_FLIGHT; i++) {
            endings.sendAsync(camel.template(), "direct:start", "{\"n\":" + i + "}");
        }
        lambda.awaitRequestCount(IN_FLIGHT, Duration.ofSeconds(30));
    }

    @Test
    void stoppingWaitsForInvocationsInFlightAndEachEndsOnceInSuccess() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(1000)));
        sendAllAndAwaitThemAtLambda();

        camel.context().stop(); // graceful: waits for the exchanges in flight

        assertThat(endings.byExchange()).hasSize(IN_FLIGHT);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly("ok"));
        assertThat(dead.getReceivedCounter()).isZero();
    }

    @Test
    void failuresOfInvocationsInFlightWhileStoppingEndOnceInTheDeadLetterChannel() {
        lambda.stub(invoke("orders").willReturn(awsError(500, "ServiceException", "boom").withFixedDelay(1000)));
        sendAllAndAwaitThemAtLambda();

        camel.context().stop();

        assertThat(endings.byExchange()).hasSize(IN_FLIGHT);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly(
                "LambdaInvokeException:ServiceException"));
        assertThat(dead.getReceivedCounter()).isEqualTo(IN_FLIGHT);
    }

    @Test
    void stoppingPastTheShutdownTimeoutEndsEachInvocationInFlightOnceAsStoppedInFlightAndNotRetryable() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(10_000)));
        camel.context().getShutdownStrategy().setTimeout(1);
        camel.context().getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        sendAllAndAwaitThemAtLambda();

        camel.context().stop(); // forced after 1 s: the component closes its client under the invocations
        endings.awaitAllEnded(Duration.ofSeconds(10));

        // Camel has stopped the route's error handler by then, so these do not reach the dead-letter channel
        assertThat(endings.byExchange()).hasSize(IN_FLIGHT);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly(
                "LambdaInvokeException:" + LambdaInvokeException.STOPPED_IN_FLIGHT));
        assertThat(endings.all()).allSatisfy(ending -> {
            LambdaInvokeException e = (LambdaInvokeException) ending.failure();
            assertThat(e.isRetryable()).as("the function may have run").isFalse();
            assertThat(e.getMessage()).contains("stopped while the invocation of orders was in flight")
                    .contains("the function may have run");
        });
    }
}
