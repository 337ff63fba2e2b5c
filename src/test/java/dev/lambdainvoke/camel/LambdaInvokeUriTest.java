package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.CamelHarness;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LambdaInvokeUri}: the URI it writes, values with URI-special characters arriving at the endpoint exactly as
 * given, and a Java DSL route built with it running against LocalLambda.
 */
class LambdaInvokeUriTest {

    private static LocalLambda local;
    private static CamelHarness camel;

    @BeforeAll
    static void start() throws Exception {
        // answers with what it received, so the test sees what the mapping produced
        local = LocalLambda.builder().function(LocalFunction.named("echo").handler(Map.class, in -> in)).start();
        camel = CamelHarness.against(local.endpoint());
    }

    @AfterAll
    static void stop() {
        camel.close();
        local.close();
    }

    private static LambdaInvokeConfiguration endpointOptions(String uri) {
        return camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class).getConfiguration();
    }

    @Test
    void plainValuesAreWrittenAsTheyAreInTheOrderGiven() {
        String uri = LambdaInvokeUri.function("order-pricer").qualifier("prod").logType("Tail")
                .invocationType("RequestResponse").failOnFunctionError(true).maxConcurrency(16)
                .timeout(Duration.ofSeconds(90)).build();

        assertThat(uri).isEqualTo("lambda-invoke:order-pricer?qualifier=prod&logType=Tail"
                                  + "&invocationType=RequestResponse&failOnFunctionError=true&maxConcurrency=16"
                                  + "&timeout=90000");
        LambdaInvokeConfiguration options = endpointOptions(uri);
        assertThat(options.getTimeout()).isEqualTo(90_000L);
        assertThat(options.getMaxConcurrency()).isEqualTo(16);
        assertThat(options.isFailOnFunctionError()).isTrue();
    }

    @Test
    void aFunctionArnAndAResourceNameNeedNoRaw() {
        assertThat(LambdaInvokeUri.function("arn:aws:lambda:eu-west-1:123456789012:function:order-pricer:prod")
                .jsonata("resource:classpath:mapping/order.jsonata").region("eu-west-1").build())
                .isEqualTo("lambda-invoke:arn:aws:lambda:eu-west-1:123456789012:function:order-pricer:prod"
                           + "?jsonata=resource:classpath:mapping/order.jsonata&region=eu-west-1");
    }

    @Test
    void aPlaceholderOrAQualifiedNameIsAFunctionAndAPlaceholderValueIsResolvedInsideRaw() {
        camel.context().getPropertiesComponent().addInitialProperty("pricer.alias", "prod");

        assertThat(LambdaInvokeUri.function("{{pricer.name}}").build()).isEqualTo("lambda-invoke:{{pricer.name}}");
        assertThat(LambdaInvokeUri.function("order-pricer:$LATEST").build()).isEqualTo("lambda-invoke:order-pricer:$LATEST");
        assertThat(endpointOptions(LambdaInvokeUri.function("echo").qualifier("{{pricer.alias}}").build()).getQualifier())
                .isEqualTo("prod");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"order\": id, \"label\": sku & \"-\" & $string(qty)}",   // & is JSONata's string concatenation
            "{\"total\": $sum(lines.(qty * price)) + 1, \"ok\": total = 3}",
            "$merge([$, {\"note\": \"50% off; a=b & c\"}])",
            "$string(qty)&\"-\"&sku",                                  // )& needs RAW{...}
            "  $  " })
    void valuesWithUriSpecialCharactersArriveAtTheEndpointExactlyAsGiven(String expression) {
        String uri = LambdaInvokeUri.function("echo").jsonata(expression).qualifier("prod").build();

        LambdaInvokeConfiguration options = endpointOptions(uri);

        assertThat(options.getJsonata()).isEqualTo(expression);
        assertThat(options.getQualifier()).isEqualTo("prod");
    }

    @Test
    void anOptionWithoutItsOwnMethodIsSetByNameAndAnUnknownNameIsRefused() {
        String uri = LambdaInvokeUri.function("echo").option("proxyScheme", "https").option("roleSessionName", "orders")
                .build();

        assertThat(uri).isEqualTo("lambda-invoke:echo?proxyScheme=https&roleSessionName=orders");
        assertThatThrownBy(() -> LambdaInvokeUri.function("echo").option("qualifer", "prod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no option 'qualifer'");
        assertThatThrownBy(() -> LambdaInvokeUri.function("echo").option("function", "other"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LambdaInvokeUri.function(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LambdaInvokeUri.function("echo?qualifier=x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueNoRawFormCarriesIsRefusedRatherThanCutShort() {
        assertThatThrownBy(() -> LambdaInvokeUri.function("echo").jsonata("{\"label\": $string(qty)&\"-\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option 'jsonata'").hasMessageContaining("resource:");
    }

    /** Why the builder refuses that value: neither RAW form, written by hand, brings it to the endpoint intact. */
    @ParameterizedTest
    @ValueSource(strings = { "RAW(%s)", "RAW{%s}" })
    void camelCutsSuchAValueShortInEitherRawForm(String form) {
        String expression = "{\"label\": $string(qty)&\"-\"}";
        String uri = "lambda-invoke:echo?jsonata=" + form.formatted(expression) + "&qualifier=prod";

        Throwable failure = null;
        String arrived = null;
        try {
            arrived = endpointOptions(uri).getJsonata();
        } catch (RuntimeException e) {
            failure = e;
        }

        assertThat(failure != null || !expression.equals(arrived)).as("arrived as " + arrived).isTrue();
    }

    @Test
    void eachStepReturnsANewBuilderSoABaseCanBeSharedAndSecretsStayOutOfToString() {
        LambdaInvokeUri base = LambdaInvokeUri.function("echo").region("eu-west-1");

        String prod = base.qualifier("prod").build();
        String staging = base.qualifier("staging").qualifier("blue").build();

        assertThat(base.build()).isEqualTo("lambda-invoke:echo?region=eu-west-1");
        assertThat(prod).isEqualTo("lambda-invoke:echo?region=eu-west-1&qualifier=prod");
        assertThat(staging).isEqualTo("lambda-invoke:echo?region=eu-west-1&qualifier=blue");
        assertThat(base.option("secretKey", "wJal+rXUtn&FEMI").toString()).doesNotContain("wJal")
                .contains("secretKey");
    }

    @Test
    void aJavaDslRouteBuiltWithItMapsWithJsonataThatUsesAmpersandsAndInvokes() throws Exception {
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:labels")
                        .to(LambdaInvokeUri.function("echo")
                                .jsonata("{\"label\": sku & \"-\" & $string(qty), \"tenant\": $headers.tenant}").build());
            }
        });

        int before = local.invocations("echo");
        Exchange result = camel.send("direct:labels", "{\"sku\": \"plum\", \"qty\": 4}", Map.of("tenant", "acme"));

        assertThat(result.getException()).isNull();
        assertThat(new ObjectMapper().readTree(result.getMessage().getBody(String.class)))
                .isEqualTo(new ObjectMapper().readTree("{\"label\": \"plum-4\", \"tenant\": \"acme\"}"));
        assertThat(local.invocations("echo")).isEqualTo(before + 1);
    }
    /** JSONata whose braces run together: object constructors in blocks and function bodies, nested objects. */
    private static final String BRACES = "{\"items\": $map(items, function($i){{\"id\": $i}}), "
                                         + "\"nested\": {\"a\": {\"b\": {\"c\": 1}}}}";

    @ParameterizedTest
    @ValueSource(strings = {
            BRACES,
            "$map([1], function($v){{\"v\": $v}})",
            "$map([1], function($v){{\"v\": {\"w\": $v}}})",
            "{\"a\": {\"b\": 1}}" })
    void jsonataWithDoubleBracesArrivesAsGivenAndIsNotTakenForAPlaceholder(String expression) {
        camel.context().getPropertiesComponent().addInitialProperty("pricer.alias", "prod");
        String uri = LambdaInvokeUri.function("echo").jsonata(expression).qualifier("{{pricer.alias}}").build();

        LambdaInvokeConfiguration options = endpointOptions(uri);

        assertThat(options.getJsonata()).isEqualTo(expression);
        assertThat(options.getQualifier()).as("a placeholder in another option").isEqualTo("prod");
    }

    @Test
    void aPlaceholderFunctionStaysResolvedBesideJsonTextWithClosingBraces() {
        camel.context().getPropertiesComponent().addInitialProperty("echo.name", "echo");
        String expression = "{\"a\": {\"b\": 1}}";
        String context = "{\"custom\": {\"tenant\": {\"id\": \"acme\"}}}";

        LambdaInvokeConfiguration options = endpointOptions(LambdaInvokeUri.function("{{echo.name}}").jsonata(expression)
                .clientContext(context).build());

        assertThat(options.getJsonata()).isEqualTo(expression);
        assertThat(options.getClientContext()).isEqualTo(context);
    }

    @Test
    void aRouteMapsWithJsonataWhoseBracesRunTogether() throws Exception {
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:braces").to(LambdaInvokeUri.function("echo").jsonata(BRACES).build());
            }
        });
        int before = local.invocations("echo");

        Exchange result = camel.send("direct:braces", "{\"items\": [1, 2]}");

        assertThat(result.getException()).isNull();
        assertThat(new ObjectMapper().readTree(result.getMessage().getBody(String.class))).isEqualTo(new ObjectMapper()
                .readTree("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"nested\": {\"a\": {\"b\": {\"c\": 1}}}}"));
        assertThat(local.invocations("echo")).isEqualTo(before + 1);
    }

    @Test
    void aHandWrittenUriEscapesDoubleBracesWithABackslash() {
        LambdaInvokeConfiguration options =
                endpointOptions("lambda-invoke:echo?jsonata=RAW($map([1], function($v)\\{{\"v\": $v\\}}))");

        assertThat(options.getJsonata()).isEqualTo("$map([1], function($v){{\"v\": $v}})");
    }

    @Test
    void aBackslashBeforeDoubleBracesIsRefusedNamingTheOptionAndTheWayAround() {
        assertThatThrownBy(() -> LambdaInvokeUri.function("echo").jsonata("$match(code, /\\{{2}/)").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option 'jsonata'")
                .hasMessageContaining("resource:").hasMessageContaining("{ {");
    }
}
