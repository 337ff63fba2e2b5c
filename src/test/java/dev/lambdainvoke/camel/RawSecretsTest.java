package dev.lambdainvoke.camel;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.SigV4;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets with {@code + & = /} (AWS secret keys and session tokens have them) arrive intact when written as
 * {@code RAW(...)}, in a URI and in YAML {@code parameters:}; and in YAML, on Camel 4.18.0, also without RAW.
 */
@WireMockLambdaTest
class RawSecretsTest {

    private static final String SECRET = "wJal+rXUtn&FEMI=K7MD/ENG";
    private static final String TOKEN = "IQoJb3+JpZ2lu&X2Vj=EJ/r//////////wEaCXVz==";

    private static WireMockLambda lambda;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("f").willReturn(ok("\"ok\"")));
    }

    @Test
    void rawValuesInAUriArriveIntact() throws Exception {
        String uri = "lambda-invoke:f?accessKey=ASIARAWURI&secretKey=" + raw(SECRET) + "&sessionToken=" + raw(TOKEN);
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
            Exchange result = camel.send(uri, "{}");

            assertThat(result.getException()).isNull();
            LambdaInvokeConfiguration config = camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class)
                    .getConfiguration();
            assertThat(config.getSecretKey()).isEqualTo(SECRET);
            assertThat(config.getSessionToken()).isEqualTo(TOKEN);
        }
        assertThat(SigV4.sessionToken(lambda.onlyRequest())).isEqualTo(TOKEN);
    }

    @Test
    void withoutRawInAUriAPlusTurnsIntoASpaceAndAnAmpersandEndsTheValue() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
            LambdaInvokeEndpoint endpoint = camel.context().getEndpoint(
                    "lambda-invoke:f?accessKey=AKIDNORAW&secretKey=abc+def/ghi", LambdaInvokeEndpoint.class);
            Throwable ampersand = catchThrowable(() -> camel.context().getEndpoint(
                    "lambda-invoke:f?accessKey=AKIDNORAW&secretKey=abc&def=ghi"));

            assertThat(endpoint.getConfiguration().getSecretKey()).isEqualTo("abc def/ghi");
            assertThat(ampersand).hasMessageContaining("Unknown parameters").hasMessageContaining("def=")
                    .hasMessageNotContaining("abc");
        }
    }

    @Test
    void rawValuesInYamlParametersArriveIntact() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
            loadYaml(camel.context(), "RAW(" + SECRET + ")", "RAW(" + TOKEN + ")");

            Exchange result = camel.send("direct:yaml", "{}");

            assertThat(result.getException()).isNull();
            LambdaInvokeConfiguration config = lambdaEndpoint(camel.context()).getConfiguration();
            assertThat(config.getSecretKey()).isEqualTo(SECRET);
            assertThat(config.getSessionToken()).isEqualTo(TOKEN);
        }
        assertThat(SigV4.sessionToken(lambda.onlyRequest())).isEqualTo(TOKEN);
    }

    /**
     * Checked on 4.18.0: the YAML DSL itself wraps parameters the component marks secret in RAW(...) (unless the value
     * starts with RAW( or #), so even + & = / % and spaces arrive intact without writing RAW. Non-secret parameters are
     * not wrapped. Writing RAW(...) stays harmless, and needed on older Camel versions.
     */
    @ParameterizedTest
    @ValueSource(strings = { SECRET, "abc%2Bdef", "a b  c" })
    void withoutRawTheYamlDslOfCamel418WrapsSecretParametersInRawItself(String secret) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
            loadYaml(camel.context(), secret, TOKEN);

            Exchange result = camel.send("direct:yaml", "{}");

            assertThat(result.getException()).isNull();
            LambdaInvokeEndpoint endpoint = lambdaEndpoint(camel.context());
            assertThat(endpoint.getConfiguration().getSecretKey()).isEqualTo(secret);
            assertThat(endpoint.getConfiguration().getSessionToken()).isEqualTo(TOKEN);
            assertThat(endpoint.getEndpointUri()).contains("&secretKey=RAW(").contains("&sessionToken=RAW(");
        }
    }

    private static LambdaInvokeEndpoint lambdaEndpoint(CamelContext context) {
        return context.getEndpoints().stream().filter(LambdaInvokeEndpoint.class::isInstance)
                .map(LambdaInvokeEndpoint.class::cast).findFirst().orElseThrow();
    }

    private static void loadYaml(CamelContext context, String secretKey, String sessionToken) throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:yaml
                      steps:
                        - to:
                            uri: lambda-invoke:f
                            parameters:
                              accessKey: ASIARAWYAML
                              secretKey: "%s"
                              sessionToken: "%s"
                """.formatted(secretKey, sessionToken);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("secrets.yaml", yaml));
    }
}
