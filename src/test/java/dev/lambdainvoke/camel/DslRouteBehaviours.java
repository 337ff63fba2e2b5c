package dev.lambdainvoke.camel;

import java.util.List;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.OrderRoutes;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every routes file of {@link OrderRoutes}' scenario does, whatever its DSL: the route invokes the alias with the
 * mapped order and the answer becomes the body; its {@code onException}, whose {@code onWhen} reads
 * {@code ${exception.retryable}}, redelivers a retryable failure and not another. Runs against LocalLambda; WireMock
 * counts the attempts of failures. One subclass per DSL names its files, so that a build can leave a DSL out by class.
 */
@WireMockLambdaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DslRouteBehaviours {

    private static LocalLambda local;
    private static WireMockLambda wireMock;

    /** The routes files, on the test class path, that the behaviours run on. */
    abstract List<String> routesFiles();

    @BeforeAll
    static void startLocalLambda() {
        local = OrderRoutes.startLocalLambda();
    }

    @AfterAll
    static void stopLocalLambda() {
        local.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesFiles")
    void theRouteInvokesTheAliasWithTheMappedOrderAndTheAnswerBecomesTheBody(String routes) throws Exception {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesFiles")
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesFiles")
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
