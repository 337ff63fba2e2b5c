package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Synchronization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Errors", last paragraph: nothing is lost -- each exchange ends exactly once, in success or with its exception
 * (in the dead-letter channel when there is one), also when the route stops with invocations in flight.
 */
class InFlightStopTest {

    private static final int IN_FLIGHT = 8;

    private static WireMockLambda lambda;
    private CamelHarness camel;
    private MockEndpoint dead;
    /** How often each exchange ended, by exchange id, and how: "ok", or the exception's class and error code. */
    private final Map<String, List<String>> endings = new ConcurrentHashMap<>();

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
                errorHandler(deadLetterChannel("mock:dead"));
                from("direct:start").to("lambda-invoke:orders");
            }
        });
        dead = camel.context().getEndpoint("mock:dead", MockEndpoint.class);
    }

    @AfterEach
    void stopCamel() {
        camel.close();
    }

    /** Sends IN_FLIGHT exchanges without waiting, and waits until Lambda has all of them. */
    private void sendAllAndAwaitThemAtLambda() {
        for (int i = 0; i < IN_FLIGHT; i++) {
            int n = i;
            camel.template().asyncSend("direct:start", e -> {
                e.getMessage().setBody("{\"n\":" + n + "}");
                e.getExchangeExtension().addOnCompletion(new Synchronization() {
                    @Override
                    public void onComplete(Exchange exchange) {
                        record(exchange);
                    }

                    @Override
                    public void onFailure(Exchange exchange) {
                        record(exchange);
                    }
                });
            });
        }
        lambda.awaitRequestCount(IN_FLIGHT, Duration.ofSeconds(30));
    }

    private void record(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String how = failure == null ? "ok"
                : failure.getClass().getSimpleName()
                  + (failure instanceof LambdaInvokeException ? ":" + ((LambdaInvokeException) failure).getErrorCode() : "");
        endings.computeIfAbsent(exchange.getExchangeId(), id -> new CopyOnWriteArrayList<>()).add(how);
    }

    @Test
    void stoppingWaitsForInvocationsInFlightAndEachEndsOnceInSuccess() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(1000)));
        sendAllAndAwaitThemAtLambda();

        camel.context().stop(); // graceful: waits for the exchanges in flight

        assertThat(endings).hasSize(IN_FLIGHT);
        assertThat(endings.values()).allSatisfy(how -> assertThat(how).containsExactly("ok"));
        assertThat(dead.getReceivedCounter()).isZero();
    }

    @Test
    void failuresOfInvocationsInFlightWhileStoppingEndOnceInTheDeadLetterChannel() {
        lambda.stub(invoke("orders").willReturn(awsError(500, "ServiceException", "boom").withFixedDelay(1000)));
        sendAllAndAwaitThemAtLambda();

        camel.context().stop();

        assertThat(endings).hasSize(IN_FLIGHT);
        assertThat(endings.values()).allSatisfy(how -> assertThat(how).containsExactly(
                "LambdaInvokeException:ServiceException"));
        assertThat(dead.getReceivedCounter()).isEqualTo(IN_FLIGHT);
    }

    @Test
    void stoppingPastTheShutdownTimeoutEndsEachInvocationInFlightOnceWithItsException() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(10_000)));
        camel.context().getShutdownStrategy().setTimeout(1);
        camel.context().getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        sendAllAndAwaitThemAtLambda();

        camel.context().stop(); // forced after 1 s: the component closes its client under the invocations

        // Camel has stopped the route's error handler by then, so these do not reach the dead-letter channel
        assertThat(endings).hasSize(IN_FLIGHT);
        assertThat(endings.values()).allSatisfy(how -> assertThat(how).containsExactly(
                "LambdaInvokeException:" + LambdaInvokeException.CONNECTION_FAILURE));
    }
}
