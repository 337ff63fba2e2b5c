package dev.lambdainvoke.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies that cannot become a payload -- a POJO Jackson cannot write, a stream that fails while read -- with and without
 * {@code jsonata}: a {@link LambdaMappingException} (MappingError, not retryable) naming the body's class and what failed,
 * never the body's content, and nothing sent.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class UnusableBodyTest {

    /** Stands for a secret in a body: it must not reach any exception message (and so the logs). */
    private static final String SECRET = "card=4111111111111111";
    private static final String WITHOUT_JSONATA = "lambda-invoke:f";
    private static final String WITH_JSONATA = "lambda-invoke:f?jsonata=$";

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeEach
    void answer() {
        lambda.stub(invokeAny().willReturn(ok("{}")));
    }

    @AfterEach
    void nothingReachedLambda() {
        assertThat(lambda.requestCount()).as("requests that reached Lambda").isZero();
    }

    /** A getter that refuses, quoting the value it checked -- as validation code often does. */
    public static class Order {
        public String getCard() {
            return SECRET;
        }

        public String getTotal() {
            throw new IllegalStateException("no total for " + SECRET);
        }
    }

    /** A getter that returns its own object. */
    public static class Node {
        public String getCard() {
            return SECRET;
        }

        public Node getSelf() {
            return this;
        }
    }

    /** A stream that yields part of its content, then fails. */
    private static final class FailingStream extends InputStream {
        private final InputStream start = new ByteArrayInputStream(("{\"card\":\"" + SECRET).getBytes(StandardCharsets.UTF_8));

        @Override
        public int read() throws IOException {
            int b = start.read();
            if (b < 0) {
                throw new IOException("device went away");
            }
            return b;
        }
    }

    /** Sends and returns the mapping failure, after the checks every such failure passes. */
    private LambdaMappingException failureFor(String uri, Object body) {
        Exchange result = camel.send(uri, body);
        assertThat(result.getException()).isInstanceOf(LambdaMappingException.class);
        LambdaMappingException e = (LambdaMappingException) result.getException();
        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.MAPPING_ERROR);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getFunction()).isEqualTo("f");
        assertThat(e.getMessage()).contains(body.getClass().getName());
        assertThat(OptionValidationTest.messages(e)).doesNotContain(SECRET);
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { WITHOUT_JSONATA, WITH_JSONATA })
    void pojoWhoseGetterThrowsNamesThePropertyAndWhatItThrew(String uri) {
        LambdaMappingException e = failureFor(uri, new Order());

        assertThat(e.getMessage()).contains("Cannot write the body").contains("[\"total\"]")
                .contains("threw java.lang.IllegalStateException");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { WITHOUT_JSONATA, WITH_JSONATA })
    void pojoThatReferencesItselfNamesTheCycle(String uri) {
        LambdaMappingException e = failureFor(uri, new Node());

        assertThat(e.getMessage()).contains("self-reference").contains("[\"self\"]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { WITHOUT_JSONATA, WITH_JSONATA })
    void streamWhoseReadFailsNamesTheIoErrorAndKeepsItAsCause(String uri) {
        LambdaMappingException e = failureFor(uri, new FailingStream());

        assertThat(e.getMessage()).contains("Cannot read the body").contains("IOException: device went away");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }
}
