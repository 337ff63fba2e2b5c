package dev.lambdainvoke.camel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's advice for routes that answer an HTTP caller: the log tail (and the other Lambda* result headers) can
 * carry what the function logged, so {@code removeHeaders("Lambda*")} before replying; the caller then gets none of them.
 */
@WireMockLambdaTest
class ResultHeadersReplyTest {

    private static final String LOG = "START RequestId: 1\nDB password=hunter2 (oops)\nEND RequestId: 1\n";

    private static WireMockLambda lambda;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("f").willReturn(ok("{\"total\":42}").withHeader("X-Amz-Executed-Version", "7")
                .withHeader("x-amzn-RequestId", "req-1").withHeader("X-Amz-Function-Error", "Handled")
                .withHeader("X-Amz-Log-Result",
                        Base64.getEncoder().encodeToString(LOG.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aRouteThatRemovesLambdaHeadersRepliesWithNoneOfThem() throws Exception {
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unstripped").to("lambda-invoke:f?logType=Tail");
                from("direct:http-reply").to("lambda-invoke:f?logType=Tail").removeHeaders("Lambda*");
            }
        })) {
            Exchange unstripped = camel.send("direct:unstripped", "{}");
            Exchange reply = camel.send("direct:http-reply", "{}");

            // without the removal the caller would see the log tail
            assertThat(unstripped.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class)).contains("hunter2");
            assertThat(reply.getException()).isNull();
            assertThat(reply.getMessage().getBody(String.class)).isEqualTo("{\"total\":42}");
            assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(name -> name.startsWith("Lambda"));
        }
    }
}
