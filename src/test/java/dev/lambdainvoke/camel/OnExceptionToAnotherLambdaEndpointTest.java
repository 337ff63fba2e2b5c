package dev.lambdainvoke.camel;

import java.time.Duration;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ExchangeEndings;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoked;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, defect 1: exchanges waiting under {@code maxConcurrency=1} whose body cannot be mapped fail when their turn
 * comes, on the thread that freed the place, and {@code onException} sends them on to a second lambda-invoke endpoint
 * with a client (and so a gate) of its own. Each of them ends, through the second endpoint.
 */
class OnExceptionToAnotherLambdaEndpointTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @Test
    void queuedExchangesThatCannotBeMappedEndThroughTheOnExceptionEndpointsOwnGate() throws Exception {
        int unmappable = 5;
        try (WireMockLambda lambda = new WireMockLambda();
             CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
                 @Override
                 public void configure() {
                     onException(LambdaMappingException.class).handled(true)
                             // other settings than the first endpoint's: a client and gate of its own
                             .to("lambda-invoke:fallback?maxConcurrency=2&connectTimeout=3s");
                     from("direct:in").to("lambda-invoke:busy?maxConcurrency=1&jsonata=$");
                 }
             })) {
            camel.context().getShutdownStrategy().setTimeout(5); // a hung exchange must not hold the stop for 45 s
            lambda.stub(invoke("busy").willReturn(ok("{}").withFixedDelay(500)));
            lambda.stub(invoke("fallback").willReturn(ok("{\"fallback\":true}")));
            ExchangeEndings endings = new ExchangeEndings();

            endings.sendAsync(camel.template(), "direct:in", "{\"occupies\":\"the one place\"}");
            lambda.awaitRequestCount(1, BOUND);
            for (int i = 0; i < unmappable; i++) {
                endings.sendAsync(camel.template(), "direct:in", "not JSON " + i); // waits for the place, then fails
            }
            endings.sendAsync(camel.template(), "direct:in", "{\"after\":\"them\"}");

            endings.awaitAllEnded(BOUND);

            assertThat(endings.byExchange().values()).as("endings of each exchange").hasSize(unmappable + 2)
                    .allMatch(each -> each.size() == 1);
            // ExchangeEndings reports the exception the handled onException caught
            assertThat(endings.count("LambdaMappingException:MappingError")).isEqualTo(unmappable);
            assertThat(endings.count("ok")).isEqualTo(2);
            assertThat(lambda.count(invoked("fallback"))).as("invocations through the onException endpoint")
                    .isEqualTo(unmappable);
            assertThat(lambda.count(invoked("busy"))).isEqualTo(2);
        }
    }
}
