package dev.lambdainvoke.camel;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.local.LocalLambda;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code responseStreaming=true} against LocalLambda's streaming handlers: no WireMock stub, a Java function. */
class ResponseStreamingLocalLambdaTest {

    private static LocalLambda local;

    @BeforeAll
    static void startLocalLambda() {
        RequestStreamHandler report = (in, out, context) -> {
            String order = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            context.getLogger().log("reporting on " + order);
            for (int line = 1; line <= 3; line++) {
                out.write(("line " + line + " of " + order + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
        RequestStreamHandler failsMidway = (in, out, context) -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IllegalStateException("report broke");
        };
        RequestStreamHandler tenantEcho = (in, out, context) ->
                out.write(("tenant " + LocalLambda.tenantId(context)).getBytes(StandardCharsets.UTF_8));
        local = LocalLambda.builder().function("report", report).function("broken-report", failsMidway)
                .function("tenant-echo", tenantEcho).start();
    }

    @AfterAll
    static void stopLocalLambda() {
        local.close();
    }

    private static CamelHarness route(String uri) throws Exception {
        return CamelHarness.against(local.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                // read inside the route, where the streamed body is still open
                from("direct:in").to(uri).convertBodyTo(String.class);
            }
        });
    }

    @Test
    void aStreamingHandlersBytesArriveAsTheBody() throws Exception {
        try (CamelHarness camel = route("lambda-invoke:report?responseStreaming=true")) {
            Exchange done = camel.send("direct:in", "\"o-7\"");

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(String.class))
                    .isEqualTo("line 1 of \"o-7\"\nline 2 of \"o-7\"\nline 3 of \"o-7\"\n");
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.EXECUTED_VERSION)).isEqualTo("$LATEST");
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isNull();
        }
    }

    @Test
    void theBodyIsAStreamCacheBeforeTheRouteReadsIt() throws Exception {
        try (CamelHarness camel = CamelHarness.against(local.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("lambda-invoke:report?responseStreaming=true")
                        .process(e -> e.setProperty("bodyType", e.getMessage().getBody().getClass()));
            }
        })) {
            Exchange done = camel.send("direct:in", "\"o-8\"");

            assertThat(done.getProperty("bodyType", Class.class)).isAssignableTo(StreamCache.class);
        }
    }

    @Test
    void aThrownErrorSetsLambdaFunctionErrorAndKeepsWhatWasStreamed() throws Exception {
        try (CamelHarness camel = route("lambda-invoke:broken-report?responseStreaming=true")) {
            Exchange done = camel.send("direct:in", "{}");

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.FUNCTION_ERROR)).isEqualTo("Unhandled");
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("partial");
        }
    }

    @Test
    void aThrownErrorFailsTheExchangeWithItsTypeAndMessageUnderFailOnFunctionError() throws Exception {
        try (CamelHarness camel = route("lambda-invoke:broken-report?responseStreaming=true&failOnFunctionError=true")) {
            Exchange done = camel.send("direct:in", "{}");

            assertThat(done.getException()).isInstanceOfSatisfying(LambdaFunctionErrorException.class, e -> {
                assertThat(e.getFunctionError()).isEqualTo("Unhandled");
                assertThat(e.getErrorType()).isEqualTo("java.lang.IllegalStateException");
                assertThat(e.getErrorMessage()).isEqualTo("report broke");
            });
        }
    }

    @Test
    void theTenantIdReachesAStreamingHandler() throws Exception {
        try (CamelHarness camel = route("lambda-invoke:tenant-echo?responseStreaming=true&tenantId=${header.tenant}")) {
            Exchange done = camel.send("direct:in", "{}", Map.of("tenant", "acme-eu"));

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("tenant acme-eu");
        }
    }

    @Test
    void logTypeTailGivesLambdaLogTailFromTheFinalEvent() throws Exception {
        try (CamelHarness camel = route("lambda-invoke:report?responseStreaming=true&logType=Tail")) {
            Exchange done = camel.send("direct:in", "\"o-9\"");

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader(LambdaInvokeConstants.LOG_TAIL, String.class))
                    .startsWith("START RequestId: " + done.getMessage().getHeader(LambdaInvokeConstants.REQUEST_ID))
                    .contains("reporting on \"o-9\"").contains("REPORT RequestId: ");
        }
    }
}
