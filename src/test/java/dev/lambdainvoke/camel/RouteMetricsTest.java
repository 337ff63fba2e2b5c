package dev.lambdainvoke.camel;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's own route metrics over JMX (camel-management) count exchanges through {@code lambda-invoke:} as for any
 * endpoint: completed, failed, redelivered; and since the producer completes the exchange when Lambda answers, the
 * processing time they report includes the time Lambda took.
 */
@WireMockLambdaTest
class RouteMetricsTest {

    private static final int ANSWER_DELAY_MS = 200;

    private static WireMockLambda lambda;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("orders").atPriority(5).willReturn(ok("{\"priced\":true}").withFixedDelay(ANSWER_DELAY_MS)));
        lambda.stub(invoke("orders").atPriority(1).withRequestBody(containing("missing"))
                .willReturn(awsError(404, "ResourceNotFoundException", "not found")));
        lambda.stub(invoke("orders").atPriority(1).withRequestBody(containing("flaky"))
                .willReturn(awsError(503, "ServiceException", "unavailable")));
    }

    @Test
    void theRouteCountsSuccessesFailuresAndRedeliveriesAndTimesTheInvocationItself() throws Exception {
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(1).redeliveryDelay(0);
                from("direct:orders").routeId("pricing").to("lambda-invoke:orders").id("invoke-orders");
            }
        })) {
            assertThat(camel.context().getManagementStrategy().getManagementAgent()).as("JMX enabled").isNotNull();
            for (String order : new String[] { "a", "b", "c", "missing", "flaky" }) {
                camel.send("direct:orders", "{\"order\":\"" + order + "\"}");
            }

            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            String context = "org.apache.camel:context=" + camel.context().getManagementName();
            ObjectName route = new ObjectName(context + ",type=routes,name=\"pricing\"");
            ObjectName invoke = new ObjectName(context + ",type=processors,name=\"invoke-orders\"");

            assertThat(jmx.getAttribute(route, "ExchangesTotal")).isEqualTo(5L);
            assertThat(jmx.getAttribute(route, "ExchangesCompleted")).isEqualTo(3L);
            assertThat(jmx.getAttribute(route, "ExchangesFailed")).isEqualTo(2L);
            assertThat(jmx.getAttribute(route, "Redeliveries")).as("the 503, redelivered once").isEqualTo(1L);
            // Camel times completed exchanges; each waited for Lambda's answer, which took ANSWER_DELAY_MS
            assertThat((Long) jmx.getAttribute(route, "MinProcessingTime")).isGreaterThanOrEqualTo(ANSWER_DELAY_MS);
            // the step itself counts attempts: 3 answered, 1 x 404, 2 x 503
            assertThat(jmx.getAttribute(invoke, "ExchangesTotal")).isEqualTo(6L);
            assertThat(jmx.getAttribute(invoke, "ExchangesCompleted")).isEqualTo(3L);
            assertThat(jmx.getAttribute(invoke, "ExchangesFailed")).isEqualTo(3L);
            assertThat((Long) jmx.getAttribute(invoke, "MinProcessingTime")).isGreaterThanOrEqualTo(ANSWER_DELAY_MS);
            assertThat(jmx.getAttribute(invoke, "Destination")).isEqualTo("lambda-invoke://orders");
            assertThat(lambda.requestCount()).as("3 + 1 + 2 attempts").isEqualTo(6);
        }
    }
}
