package dev.lambdainvoke.camel;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoked;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** SPEC Round 2 "tenantId": sent as X-Amz-Tenant-Id, a constant or an expression, checked before sending. */
@WireMockLambdaTest
class TenantIdTest {

    private static final String FUNCTION = "orders";
    private static final String ALLOWED = "abcxyzABCXYZ0189._:/=+-@ ";

    private static WireMockLambda lambda;
    /** Started by each test's route; the extension closes it after the test. */
    private CamelHarness camel;

    private void route(String lambdaUri) throws Exception {
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(lambdaUri);
            }
        });
    }

    @Test
    void constantTenantIdIsSentOnEveryInvocationType() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}")));
        route(LambdaInvokeUri.function(FUNCTION).tenantId("acme corp/eu:1").build());
        camel.send("direct:start", "{}");
        for (String type : new String[] {"Event", "DryRun"}) {
            camel.send("lambda-invoke:" + FUNCTION + "?invocationType=" + type + "&tenantId=RAW(acme corp/eu:1)", "{}");
        }

        assertThat(lambda.count(invoked(FUNCTION).withHeader("X-Amz-Tenant-Id", equalTo("acme corp/eu:1")))).isEqualTo(3);
    }

    @Test
    void expressionTenantIdIsEvaluatedPerMessage() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}")));
        route(LambdaInvokeUri.function(FUNCTION).tenantId("${header.tenant}").build());

        camel.send("direct:start", "{}", Map.of("tenant", "alpha"));
        camel.send("direct:start", "{}", Map.of("tenant", "beta"));

        assertThat(lambda.count(invoked(FUNCTION).withHeader("X-Amz-Tenant-Id", equalTo("alpha")))).isEqualTo(1);
        assertThat(lambda.count(invoked(FUNCTION).withHeader("X-Amz-Tenant-Id", equalTo("beta")))).isEqualTo(1);
    }

    @Test
    void invalidTenantIdsFailWithInvalidTenantIdAndNothingIsSent() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}")));
        route(LambdaInvokeUri.function(FUNCTION).tenantId("${header.tenant}").build());

        qt().withExamples(150).forAll(invalidTenantIds()).checkAssert(tenant -> {
            Exchange result = camel.send("direct:start", "{}", Map.of("tenant", tenant));
            assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException error = (LambdaInvokeException) result.getException();
            assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.INVALID_TENANT_ID);
            assertThat(error.isRetryable()).isFalse();
        });
        Exchange missing = camel.send("direct:start", "{}");
        assertThat(((LambdaInvokeException) missing.getException()).getErrorCode())
                .isEqualTo(LambdaInvokeException.INVALID_TENANT_ID);

        assertThat(lambda.requestCount()).isZero();
    }

    @Test
    void longestAllowedTenantIdIsSent() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}")));
        route(LambdaInvokeUri.function(FUNCTION).tenantId("${header.tenant}").build());

        AtomicInteger sent = new AtomicInteger();
        qt().withExamples(20).forAll(validTenantIds(256, 256).map(TenantIdTest::withoutOuterSpaces)).checkAssert(tenant -> {
            assertThat(camel.send("direct:start", "{}", Map.of("tenant", tenant)).getException()).isNull();
            sent.incrementAndGet();
        });

        assertThat(lambda.requestCount()).isEqualTo(sent.get()).isPositive();
        assertThat(lambda.requests()).allSatisfy(r -> assertThat(r.getHeader("X-Amz-Tenant-Id")).hasSize(256));
    }

    @Test
    void invalidConstantTenantIdStopsTheRouteAtStartNamingTheOption() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:" + FUNCTION + "?tenantId=a!b");

        assertThat(failure).hasStackTraceContaining("Option 'tenantId'");
    }

    /** Strings of the allowed characters, of the given lengths. */
    private static Gen<String> validTenantIds(int min, int max) {
        return lists().of(Generate.pick(ALLOWED.chars().mapToObj(c -> (char) c).toList()))
                .ofSizeBetween(min, max)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** Empty, too long, or a valid id with one character from outside the set put in at any place. */
    private static Gen<String> invalidTenantIds() {
        Gen<String> tooLong = validTenantIds(257, 400);
        Gen<Integer> outside = integers().between(1, 0x2FFF)
                .assuming(c -> !Character.isSurrogate((char) c.intValue()) && !isAllowed(c));
        Gen<String> withOutsider = validTenantIds(0, 40).zip(outside, integers().between(0, 40),
                (valid, c, at) -> {
                    int place = Math.min(at, valid.length());
                    return valid.substring(0, place) + new String(Character.toChars(c)) + valid.substring(place);
                });
        Gen<String> outerSpace = validTenantIds(1, 40).map(TenantIdTest::withoutOuterSpaces)
                .zip(Generate.booleans(), (valid, before) -> before ? " " + valid : valid + " ");
        return Generate.constant("").mix(tooLong, 20).mix(withOutsider, 60).mix(outerSpace, 15);
    }

    /** Outer spaces made letters: HTTP cannot carry them, so they are invalid (a test of its own). */
    private static String withoutOuterSpaces(String id) {
        String head = id.charAt(0) == ' ' ? "s" + id.substring(1) : id;
        return head.charAt(head.length() - 1) == ' ' ? head.substring(0, head.length() - 1) + "s" : head;
    }

    private static boolean isAllowed(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._:/=+-@ ".indexOf(c) >= 0);
    }
}
