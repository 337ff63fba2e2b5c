package dev.lambdainvoke.camel;

import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.OrderRoutes;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routes file in Camel's XML IO DSL ({@code routes/orders.xml}), loaded at runtime: {@code lambda-invoke:} with
 * options in the URI ({@code &amp;}), and a route-scoped {@code <onException>} whose {@code <onWhen>} reads
 * {@code ${exception.retryable}}. Runs against LocalLambda; WireMock counts the attempts of failures.
 */
class XmlDslRouteTest {

    private static final String ROUTES = "routes/orders.xml";

    private static LocalLambda local;
    private static WireMockLambda wireMock;

    @BeforeAll
    static void startPeers() {
        local = OrderRoutes.startLocalLambda();
        wireMock = new WireMockLambda();
    }

    @AfterAll
    static void stopPeers() {
        local.close();
        wireMock.close();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.reset();
    }

    @Test
    void theXmlRouteInvokesTheAliasWithTheMappedOrderAndTheAnswerBecomesTheBody() throws Exception {
        try (CamelHarness camel = CamelHarness.against(local.endpoint())) {
            OrderRoutes.load(camel.context(), ROUTES);

            Exchange result = OrderRoutes.sendOrder(camel);

            assertThat(result.getException()).isNull();
            assertThat(OrderRoutes.json(result.getMessage().getBody(String.class))).isEqualTo(OrderRoutes.expectedAnswer());
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("1");
            LambdaInvokeConfiguration options = OrderRoutes.lambdaEndpoint(camel.context()).getConfiguration();
            assertThat(options.getQualifier()).isEqualTo("prod");
            assertThat(options.getJsonata()).isEqualTo("resource:classpath:mapping/order.jsonata");
        }
    }

    @Test
    void aRetryableFailureIsRedeliveredAsTheOnExceptionSays() throws Exception {
        wireMock.stub(invoke(OrderRoutes.FUNCTION).willReturn(awsError(503, "ServiceException", "unavailable")));
        try (CamelHarness camel = CamelHarness.against(wireMock.endpoint())) {
            OrderRoutes.load(camel.context(), ROUTES);

            Exchange result = OrderRoutes.sendOrder(camel);

            LambdaInvokeException failure = result.getException(LambdaInvokeException.class);
            assertThat(failure).isNotNull();
            assertThat(failure.isRetryable()).isTrue();
            assertThat(wireMock.requestCount()).isEqualTo(OrderRoutes.ATTEMPTS_WHEN_RETRYABLE);
            assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(2);
        }
    }

    @Test
    void aNonRetryableFailureIsNotRedelivered() throws Exception {
        wireMock.stub(invoke(OrderRoutes.FUNCTION).willReturn(awsError(404, "ResourceNotFoundException", "no alias")));
        try (CamelHarness camel = CamelHarness.against(wireMock.endpoint())) {
            OrderRoutes.load(camel.context(), ROUTES);

            Exchange result = OrderRoutes.sendOrder(camel);

            LambdaInvokeException failure = result.getException(LambdaInvokeException.class);
            assertThat(failure.getErrorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(failure.isRetryable()).isFalse();
            assertThat(wireMock.requestCount()).isEqualTo(1);
            assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).as("redeliveries").isEqualTo(0);
        }
    }
}
