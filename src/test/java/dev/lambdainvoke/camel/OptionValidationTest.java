package dev.lambdainvoke.camel;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "URI" and "Coordinates": a wrong or half-given option stops the route when its endpoint starts, with a message
 * naming the option, before anything is sent.
 */
class OptionValidationTest {

    private static final String LONG_NAME = "f".repeat(200);
    // 2,700 JSON characters: 3,600 bytes once base64-encoded, over Lambda's 3,583
    private static final String BIG_CONTEXT = "{\"custom\":{\"k\":\"" + "x".repeat(2700 - 19) + "\"}}";

    private static WireMockLambda lambda;

    @BeforeAll
    static void startLambda() {
        lambda = new WireMockLambda();
    }

    @AfterAll
    static void stopLambda() {
        lambda.close();
    }

    @BeforeEach
    void answerEveryInvocation() {
        lambda.reset();
        lambda.stub(WireMockLambda.invoke("f").willReturn(ok("{}")));
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(lambda.requestCount()).as("requests that reached the Lambda stub").isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "invocationType   | Sometimes        | must be RequestResponse, Event or DryRun",
            "logType          | Verbose          | must be None or Tail",
            "timeout          | 0                | must be positive",
            "timeout          | -1               | must be positive",
            "timeout          | -1s              | must be positive",
            "connectTimeout   | 0                | must be positive",
            "maxRetryAfter    | -1               | must not be negative",
            "maxConcurrency   | 0                | must be at least 1",
            "maxConcurrency   | -5               | must be at least 1",
            "httpClient       | okhttp           | must be netty or crt",
            "endpointOverride | ftp://x          | must be an http(s) URI",
            "endpointOverride | not a uri        | is not a valid URI",
            "endpointOverride | http://          | is not a valid URI",
            "clientContext    | not json         | must be JSON text",
            "clientContext    | {\"unclosed\": | must be JSON text",
            "qualifier        | no/slashes       | is not a valid version or alias",
    })
    void wrongOptionValueStopsTheRouteNamingTheOption(String option, String value, String problem) throws Exception {
        Throwable failure = assertStartFailsNaming(option, "lambda-invoke:f?" + option + "=" + raw(value));

        assertThat(messages(failure)).contains("Option '" + option + "' " + problem);
    }

    @ParameterizedTest(name = "function={0}")
    @CsvSource({ "bad name!", "a/b", "arn:aws:s3:::bucket" })
    void invalidFunctionNameStopsTheRouteNamingTheOption(String function) throws Exception {
        assertFunctionRejected(function);
    }

    @Test
    void functionNameOver170CharactersStopsTheRoute() throws Exception {
        assertFunctionRejected(LONG_NAME);
    }

    @Test
    void clientContextOver3583BytesOnceEncodedStopsTheRoute() throws Exception {
        Throwable failure = assertStartFailsNaming("clientContext",
                "lambda-invoke:f?clientContext=" + raw(BIG_CONTEXT));

        assertThat(messages(failure)).contains("Option 'clientContext' is 3600 bytes once base64-encoded")
                .contains("at most 3583");
    }

    @Test
    void accessKeyWithoutSecretKeyStopsTheRouteNamingTheMissingOption() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:f?accessKey=AKIDEXAMPLE",
                component -> component.setSecretKey(null));

        assertThat(messages(failure)).contains("'accessKey'").contains("'secretKey'");
    }

    @Test
    void secretKeyWithoutAccessKeyStopsTheRouteNamingTheMissingOption() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:f?secretKey=s3cr3t",
                component -> component.setAccessKey(null));

        assertThat(messages(failure)).contains("'accessKey'").contains("'secretKey'").doesNotContain("s3cr3t");
    }

    private static void assertFunctionRejected(String function) throws Exception {
        Throwable failure = assertStartFailsNaming("function", "lambda-invoke:" + function);
        assertThat(messages(failure)).contains("is not a valid Lambda function name or ARN: '" + function + "'");
    }

    private static Throwable assertStartFailsNaming(String option, String uri) throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(), uri);
        assertThat(messages(failure)).contains("Option '" + option + "'");
        return failure;
    }

    /** The messages of the whole cause chain: Camel wraps the endpoint's own message. */
    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
