package dev.lambdainvoke.camel;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.CapturedLogs;
import dev.lambdainvoke.camel.support.LogLevels;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where secrets (accessKey, secretKey, sessionToken) can surface, and that they do not: in our logs at any level, in
 * Camel's and the AWS SDK's logs at INFO and above, in exception messages, in endpoints as Camel prints them, in JMX
 * attributes, and, when set on the component, in any Camel log at all. Also the limits of what a component can hide,
 * held true here because the README states them: Camel's own DEBUG/TRACE lines, {@code getEndpointUri()} and route dumps
 * show a secret written in a URI, and the SDK's signer logs the session token at DEBUG.
 */
@WireMockLambdaTest
class SecretMaskingTest {

    private static final String ACCESS = "AKIDLEAKCHECK7Q2ZX";
    private static final String SECRET = "Leak+Check/Secret=Key&9";
    private static final String TOKEN = "LeakCheckSessionToken+/AbC==";
    private static final String URI_SECRETS = "accessKey=" + ACCESS + "&secretKey=" + raw(SECRET) + "&sessionToken="
                                              + raw(TOKEN);

    private static WireMockLambda lambda;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("ok").willReturn(ok("\"ok\"")));
        lambda.stub(invoke("fails").willReturn(awsError(500, "ServiceException", "try later")));
    }

    @Test
    void uriSecretsAreInNoneOfOurLogsAtTraceAndInNoneOfCamelsAtInfo() throws Exception {
        try (CapturedLogs ours = CapturedLogs.component(); CapturedLogs camel = CapturedLogs.of("org.apache.camel");
             CapturedLogs sdk = CapturedLogs.of("software.amazon.awssdk");
             LogLevels trace = LogLevels.set(Level.TRACE, "dev.lambdainvoke.camel", "org.apache.camel",
                     "software.amazon.awssdk")) {
            startSendFailAndStop(c -> {
            }, "?" + URI_SECRETS);

            assertThat(ours.text()).as("our logs captured").contains("Created Lambda client").contains("failed");
            assertNoSecret(ours.text(), "our logs at TRACE");
            assertNoSecret(text(camel.events(), Level.INFO), "Camel's logs at INFO and above");
            assertNoSecret(text(sdk.events(), Level.INFO), "the AWS SDK's logs at INFO and above");
            // the README's caveats: Camel core prints endpoint URIs unmasked at DEBUG/TRACE (e.g. AbstractCamelContext
            // "Getting endpoint with uri"), and the SDK's SigV4 signer prints the canonical request, session token
            // included, at DEBUG: keep org.apache.camel and software.amazon.awssdk at INFO in production
            assertThat(text(camel.events(), Level.TRACE)).contains(ACCESS).contains(SECRET);
            assertSdkDebugShowsTheTokenOnly(sdk);
        }
    }

    @Test
    void componentLevelSecretsAreInNoCamelOrComponentLogAtAnyLevel() throws Exception {
        try (CapturedLogs ours = CapturedLogs.component(); CapturedLogs camel = CapturedLogs.of("org.apache.camel");
             CapturedLogs sdk = CapturedLogs.of("software.amazon.awssdk");
             LogLevels trace = LogLevels.set(Level.TRACE, "dev.lambdainvoke.camel", "org.apache.camel",
                     "software.amazon.awssdk")) {
            startSendFailAndStop(SecretMaskingTest::componentSecrets, "");

            assertThat(camel.events()).as("Camel's TRACE captured").hasSizeGreaterThan(100);
            assertNoSecret(ours.text() + text(camel.events(), Level.TRACE), "our and Camel's logs at TRACE");
            assertNoSecret(text(sdk.events(), Level.INFO), "the AWS SDK's logs at INFO and above");
            assertSdkDebugShowsTheTokenOnly(sdk);
        }
    }

    @Test
    void exceptionMessagesCarryNoSecret() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
            Exchange failed = camel.send("lambda-invoke:fails?" + URI_SECRETS, "{}");

            assertThat(failed.getException()).isInstanceOf(LambdaInvokeException.class);
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failed.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                chain.append(t).append('\n');
            }
            assertNoSecret(chain.toString(), "the exception chain");
        }
    }

    @Test
    void endpointsAsCamelPrintsThemAreMasked() throws Exception {
        String uri = "lambda-invoke:ok?" + URI_SECRETS;
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys,
                route("direct:start", uri))) {
            camel.send("direct:start", "{}");
            LambdaInvokeEndpoint endpoint = camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class);
            List<String> printed = new ArrayList<>(List.of(endpoint.toString(),
                    URISupport.sanitizeUri(endpoint.getEndpointUri()), camel.context().getEndpoints().toString(),
                    camel.context().getRoutes().toString(), endpoint.createProducer().toString()));
            for (Route route : camel.context().getRoutes()) {
                printed.add(route.getEndpoint().toString());
                printed.add(route.navigate().next().toString());
            }

            printed.forEach(text -> assertNoSecret(text, "printed endpoint " + text));
            assertThat(endpoint.toString()).contains("secretKey=xxxxxx").contains("sessionToken=xxxxxx")
                    .contains("accessKey=xxxxxx");
            // getEndpointUri() is the endpoint's identity in Camel's registry, never printed by Camel at INFO: a secret
            // written in the URI is in it (the README's reason to set secrets on the component instead)
            assertThat(endpoint.getEndpointUri()).contains(ACCESS);
        }
    }

    @Test
    void componentLevelSecretsAreNotInTheEndpointUriAtAll() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), SecretMaskingTest::componentSecrets)) {
            Exchange result = camel.send("lambda-invoke:ok", "{}");

            assertThat(result.getException()).isNull();
            Endpoint endpoint = camel.context().getEndpoint("lambda-invoke:ok");
            assertNoSecret(endpoint.getEndpointUri() + endpoint, "the endpoint URI");
        }
    }

    @Test
    void noJmxAttributeOrNameShowsASecret() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys,
                route("direct:ok", "lambda-invoke:ok?" + URI_SECRETS),
                route("direct:fails", "lambda-invoke:fails?" + URI_SECRETS))) {
            camel.send("direct:ok", "{}");
            camel.send("direct:fails", "{}");

            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = jmx.queryNames(
                    new ObjectName("org.apache.camel:context=" + camel.context().getManagementName() + ",*"), null);
            assertThat(names.stream().map(n -> n.getKeyProperty("type")).collect(Collectors.toSet()))
                    .contains("endpoints", "routes", "components", "producers", "processors", "context");
            StringBuilder all = new StringBuilder();
            int read = 0;
            for (ObjectName name : names) {
                all.append(name).append('\n');
                for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                    try {
                        all.append(attribute.getName()).append('=').append(jmx.getAttribute(name, attribute.getName()))
                                .append('\n');
                        read++;
                    } catch (Exception unreadable) {
                        // some attributes throw when their feature is off: nothing shown, nothing leaked
                    }
                }
            }

            assertThat(read).as("attributes read").isGreaterThan(100);
            assertThat(all).as("the JMX attributes").contains("lambda-invoke://ok?accessKey=xxxxxx");
            assertNoSecret(all.toString(), "JMX names and attributes");
        }
    }

    @Test
    void routeDumpsShowWhatTheRouteSaysSoPlaceholdersAndComponentSecretsKeepThemOut() throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("lambda.secretKey", SECRET);
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(route("direct:literal", "lambda-invoke:ok?accessKey=AKIDLITERAL&secretKey=" + raw(SECRET)));
        context.addRoutes(route("direct:placeholder",
                "lambda-invoke:ok?accessKey=AKIDPLACEHOLDER&secretKey={{lambda.secretKey}}"));
        context.addRoutes(route("direct:component", "lambda-invoke:ok"));
        ModelCamelContext model = (ModelCamelContext) context;

        // Camel dumps a route as written: a literal secret shows, resolved placeholders show (DefaultDumpRoutesStrategy
        // resolves them unless told not to), unresolved ones and component-level secrets do not
        String inXml = SECRET.replace("&", "&amp;");
        assertThat(dump(context, model.getRouteDefinitions().get(0), true)).contains(inXml);
        assertThat(dump(context, model.getRouteDefinitions().get(1), true)).contains(inXml);
        assertThat(dump(context, model.getRouteDefinitions().get(1), false)).contains("{{lambda.secretKey}}")
                .doesNotContain(inXml);
        assertThat(dump(context, model.getRouteDefinitions().get(2), true)).contains("lambda-invoke:ok")
                .doesNotContain(inXml).doesNotContain("Leak");
        context.close();
    }

    /** The SDK's signer logs the canonical request at DEBUG: the session token header, never the keys. */
    private static void assertSdkDebugShowsTheTokenOnly(CapturedLogs sdk) {
        String debug = text(sdk.events(), Level.TRACE);
        assertThat(debug).contains("x-amz-security-token:" + TOKEN).doesNotContain(ACCESS).doesNotContain(SECRET);
    }

    private static String dump(CamelContext context, RouteDefinition route, boolean resolvePlaceholders)
            throws Exception {
        return PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context, route, resolvePlaceholders, false,
                false);
    }

    private static void startSendFailAndStop(Consumer<LambdaInvokeConfiguration> component, String query)
            throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
            CamelHarness.withoutStaticKeys(c);
            component.accept(c);
        }, route("direct:ok", "lambda-invoke:ok" + query), route("direct:fails", "lambda-invoke:fails" + query))) {
            assertThat(camel.send("direct:ok", "{}").getException()).isNull();
            assertThat(camel.send("direct:fails", "{}").getException()).isInstanceOf(LambdaInvokeException.class);
        }
    }

    private static void componentSecrets(LambdaInvokeConfiguration component) {
        component.setAccessKey(ACCESS);
        component.setSecretKey(SECRET);
        component.setSessionToken(TOKEN);
    }

    private static RouteBuilder route(String from, String to) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        };
    }

    private static String text(List<LogEvent> events, Level atLeast) {
        StringBuilder text = new StringBuilder();
        for (LogEvent e : events) {
            if (e.getLevel().isMoreSpecificThan(atLeast)) {
                text.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ")
                        .append(e.getMessage().getFormattedMessage()).append('\n');
                if (e.getThrown() != null) {
                    text.append(e.getThrown()).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Fails when any secret shows, as written or URL-encoded. */
    static void assertNoSecret(String text, String where) {
        for (String secret : List.of(ACCESS, SECRET, TOKEN)) {
            assertThat(text).as(where).doesNotContain(secret)
                    .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }
}
