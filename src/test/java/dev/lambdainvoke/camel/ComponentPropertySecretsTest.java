package dev.lambdainvoke.camel;

import java.util.List;
import java.util.Map;

import dev.lambdainvoke.camel.support.CapturedLogs;
import dev.lambdainvoke.camel.support.LogLevels;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.SecretMaskingTest.assertNoSecret;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safe ways to give secrets, through Camel Main as applications do: {@code camel.component.lambda-invoke.*}
 * properties reach the component and show in none of our logs and in none of Camel's at INFO (its summary masks them,
 * its route dump has nothing to show); a {@code RAW({{placeholder}})} in a URI stays unresolved in the INFO route dump
 * only with {@code camel.main.dumpRoutesResolvePlaceholders=false}. Camel Main's DEBUG lines do print them (README
 * caveat).
 */
@WireMockLambdaTest
class ComponentPropertySecretsTest {

    private static final String ACCESS = "AKIDLEAKCHECK7Q2ZX";
    private static final String SECRET = "Leak+Check/Secret=Key&9";
    private static final String TOKEN = "LeakCheckSessionToken+/AbC==";

    private static WireMockLambda lambda;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("ok").willReturn(ok("\"ok\"")));
    }

    @Test
    void componentPropertiesReachTheComponentAndShowInNoInfoLogNorInOurs() throws Exception {
        List<LogEvent> camelEvents;
        String ours;
        try (CapturedLogs component = CapturedLogs.component(); CapturedLogs camel = CapturedLogs.of("org.apache.camel");
             LogLevels levels = LogLevels.set(Level.TRACE, "dev.lambdainvoke.camel", "org.apache.camel")) {
            Exchange result = runMain(Map.of(
                    "camel.component.lambda-invoke.accessKey", ACCESS,
                    "camel.component.lambda-invoke.secretKey", SECRET,
                    "camel.component.lambda-invoke.sessionToken", TOKEN,
                    "camel.main.dumpRoutes", "xml"), "lambda-invoke:ok");

            assertThat(result.getException()).isNull();
            assertThat(lambda.requests()).anySatisfy(r -> assertThat(r.getHeader("X-Amz-Security-Token"))
                    .isEqualTo(TOKEN));
            camelEvents = camel.events();
            ours = component.text();
        }

        assertNoSecret(ours, "our logs at TRACE");
        assertNoSecret(text(camelEvents, Level.INFO), "Camel's logs at INFO and above, route dump included");
        assertThat(text(camelEvents, Level.INFO)).as("the INFO route dump").contains("lambda-invoke:ok");
        // the README's caveat: Camel Main prints the properties it binds at DEBUG
        assertThat(text(camelEvents, Level.DEBUG)).contains("camel.component.lambda-invoke.secretKey=" + SECRET);
    }

    @Test
    void aPlaceholderStaysUnresolvedInTheRouteDumpWhenToldNotToResolve() throws Exception {
        List<LogEvent> resolved = dumpedWith("true");
        List<LogEvent> unresolved = dumpedWith("false");

        assertThat(text(unresolved, Level.INFO)).contains("secretKey=RAW({{lambda.secretKey}})");
        assertNoSecret(text(unresolved, Level.INFO), "the INFO route dump without resolved placeholders");
        // Camel's default resolves placeholders in dumps: the secret is then printed at INFO
        assertThat(text(resolved, Level.INFO)).contains(SECRET.replace("&", "&amp;"));
    }

    private List<LogEvent> dumpedWith(String resolvePlaceholders) throws Exception {
        try (CapturedLogs camel = CapturedLogs.of("org.apache.camel");
             LogLevels levels = LogLevels.set(Level.INFO, "org.apache.camel")) {
            Exchange result = runMain(Map.of(
                    "lambda.secretKey", SECRET,
                    "camel.component.lambda-invoke.accessKey", ACCESS,
                    "camel.main.dumpRoutes", "xml",
                    "camel.main.dumpRoutesResolvePlaceholders", resolvePlaceholders),
                    // RAW: the value is only known once resolved, and a secret may hold + or &
                    "lambda-invoke:ok?secretKey=RAW({{lambda.secretKey}})");
            assertThat(result.getException()).isNull();
            return camel.events();
        }
    }

    /** Starts a Camel Main app with these properties and one route, sends one message, stops it. */
    private static Exchange runMain(Map<String, String> properties, String to) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.lambda-invoke.region", "us-east-1");
        main.addInitialProperty("camel.component.lambda-invoke.endpointOverride", lambda.endpoint().toString());
        main.addInitialProperty("camel.main.jmxEnabled", "false");
        properties.forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").routeId("invoke").to(to);
            }
        });
        main.start();
        try {
            return main.getCamelContext().createProducerTemplate().send("direct:start",
                    e -> e.getMessage().setBody("{}"));
        } finally {
            main.stop();
        }
    }

    private static String text(List<LogEvent> events, Level atLeast) {
        StringBuilder text = new StringBuilder();
        for (LogEvent e : events) {
            if (e.getLevel().isMoreSpecificThan(atLeast)) {
                text.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ")
                        .append(e.getMessage().getFormattedMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
