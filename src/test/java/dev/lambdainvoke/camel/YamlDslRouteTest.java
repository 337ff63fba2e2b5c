package dev.lambdainvoke.camel;

import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.OrderRoutes;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes files in Camel's YAML DSL, each with a top-level {@code onException} whose {@code onWhen} reads
 * {@code ${exception.retryable}}, and the endpoint written three ways: options in the URI string
 * ({@code orders-uri.yaml}); the function in the URI and the options as {@code parameters:}
 * ({@code orders-parameters.yaml}); and only the scheme in the URI, the function too as a parameter
 * ({@code orders-function-parameter.yaml}: Camel's URI factory puts it in the path). All three behave alike.
 */
class YamlDslRouteTest {

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

    @ParameterizedTest
    @ValueSource(strings = { "routes/orders-uri.yaml", "routes/orders-parameters.yaml",
                             "routes/orders-function-parameter.yaml" })
    void theYamlRouteInvokesTheAliasWithTheMappedOrderAndTheAnswerBecomesTheBody(String routes) throws Exception {
        try (CamelHarness camel = CamelHarness.against(local.endpoint())) {
            OrderRoutes.load(camel.context(), routes);

            Exchange result = OrderRoutes.sendOrder(camel);

            assertThat(result.getException()).isNull();
            assertThat(OrderRoutes.json(result.getMessage().getBody(String.class))).isEqualTo(OrderRoutes.expectedAnswer());
            assertThat(result.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("1");
            LambdaInvokeEndpoint endpoint = OrderRoutes.lambdaEndpoint(camel.context());
            assertThat(endpoint.getFunction()).isEqualTo(OrderRoutes.FUNCTION);
            assertThat(endpoint.getConfiguration().getQualifier()).isEqualTo("prod");
            assertThat(endpoint.getConfiguration().getJsonata()).isEqualTo("resource:classpath:mapping/order.jsonata");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "routes/orders-uri.yaml", "routes/orders-parameters.yaml",
                             "routes/orders-function-parameter.yaml" })
    void aRetryableFailureIsRedeliveredAsTheOnExceptionSays(String routes) throws Exception {
        wireMock.stub(invoke(OrderRoutes.FUNCTION).willReturn(awsError(503, "ServiceException", "unavailable")));
        try (CamelHarness camel = CamelHarness.against(wireMock.endpoint())) {
            OrderRoutes.load(camel.context(), routes);

            Exchange result = OrderRoutes.sendOrder(camel);

            LambdaInvokeException failure = result.getException(LambdaInvokeException.class);
            assertThat(failure).isNotNull();
            assertThat(failure.isRetryable()).isTrue();
            assertThat(wireMock.requestCount()).isEqualTo(OrderRoutes.ATTEMPTS_WHEN_RETRYABLE);
            assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "routes/orders-uri.yaml", "routes/orders-parameters.yaml",
                             "routes/orders-function-parameter.yaml" })
    void aNonRetryableFailureIsNotRedelivered(String routes) throws Exception {
        wireMock.stub(invoke(OrderRoutes.FUNCTION).willReturn(awsError(404, "ResourceNotFoundException", "no alias")));
        try (CamelHarness camel = CamelHarness.against(wireMock.endpoint())) {
            OrderRoutes.load(camel.context(), routes);

            Exchange result = OrderRoutes.sendOrder(camel);

            LambdaInvokeException failure = result.getException(LambdaInvokeException.class);
            assertThat(failure.getErrorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(failure.isRetryable()).isFalse();
            assertThat(wireMock.requestCount()).isEqualTo(1);
            assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).as("redeliveries").isEqualTo(0);
        }
    }
}
